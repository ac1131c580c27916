package org.helpline.web;

import java.util.List;

import org.helpline.IntegrationTest;
import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Every configuration change through the API leaves who made it, and the thing before and after. */
@AutoConfigureMockMvc
class AuditedChangesTest extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditTrail audit;

	@BeforeEach
	void emptyTrail() {
		jdbc.sql("delete from audit_entry").update();
		jdbc.sql("delete from counsellor where endpoint like 'audit-%'").update();
		jdbc.sql("delete from topic where code = 'AUDITED'").update();
	}

	@Test
	void helplineChangesAreAuditedWithTheHelplineBeforeAndAfter() {
		long id = helplineId(post("/api/helplines", HelplineApiTest.STOP_IT_NOW));
		put("/api/helplines/" + id, HelplineApiTest.STOP_IT_NOW.replace("Stop it Now", "Stop it Now!"));
		put("/api/helplines/" + id + "/opening-hours", HelplineApiTest.OFFICE_HOURS);
		put("/api/helplines/" + id + "/holiday-policy", "{\"closedTypes\": [\"PUBLIC\"]}");
		post("/api/helplines/" + id + "/closures",
				"{\"firstDay\": \"2027-01-11\", \"lastDay\": \"2027-01-12\", \"reason\": \"Training\"}");
		long closure = helplines.get(id).closures().getFirst().id();
		mvc.delete().uri("/api/helplines/" + id + "/closures/" + closure).with(operator()).exchange();
		post("/api/helplines/" + id + "/special-openings",
				"{\"date\": \"2027-01-09\", \"start\": \"10:00\", \"end\": \"14:00\", \"reason\": \"Campaign\"}");
		long opening = helplines.get(id).specialOpenings().getFirst().id();
		mvc.delete().uri("/api/helplines/" + id + "/special-openings/" + opening).with(operator()).exchange();
		mvc.delete().uri("/api/helplines/" + id).with(operator()).exchange();

		List<AuditEntry> entries = audit.latest("helpline", 20);
		assertThat(entries).extracting(AuditEntry::action)
			.containsExactly("delete", "remove-special-opening", "add-special-opening", "remove-closure",
					"add-closure", "update-holiday-policy", "update-opening-hours", "update", "create");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.actor()).isEqualTo("operator");
			assertThat(entry.subjectId()).isEqualTo(String.valueOf(id));
		});
		AuditEntry rename = entries.get(7);
		assertThat(rename.before()).contains("\"name\":\"Stop it Now\"");
		assertThat(rename.after()).contains("\"name\":\"Stop it Now!\"");
		assertThat(entries.get(6).before()).contains("\"openingHours\":[]");
		assertThat(entries.get(6).after()).contains("MONDAY");
		assertThat(entries.get(4).after()).contains("Training");
		assertThat(entries.getLast().before()).isNull();
		assertThat(entries.getFirst().after()).isNull();
	}

	@Test
	void aRefusedChangeLeavesNoEntry() {
		long id = helplineId(post("/api/helplines", HelplineApiTest.STOP_IT_NOW));

		assertThat(put("/api/helplines/" + id + "/opening-hours",
				"[{\"day\": \"MONDAY\", \"start\": \"17:00\", \"end\": \"09:00\"}]")).hasStatus(HttpStatus.BAD_REQUEST);

		assertThat(audit.latest("helpline", 20)).extracting(AuditEntry::action).containsExactly("create");
	}

	@Test
	void routingCounsellorAndContactOptionChangesAreAudited() {
		long id = helplineId(post("/api/helplines", HelplineApiTest.STOP_IT_NOW));
		put("/api/helplines/" + id + "/routing", "{\"strategy\": \"ROUND_ROBIN\"}");
		assertThat(post("/api/counsellors",
				"{\"displayName\": \"Anna\", \"endpoint\": \"audit-1\", \"languages\": {\"nl\": 1}}"))
			.hasStatus(HttpStatus.CREATED);
		long counsellor = jdbc.sql("select id from counsellor where endpoint = 'audit-1'").query(Long.class).single();
		put("/api/counsellors/" + counsellor,
				"{\"displayName\": \"Anna B\", \"endpoint\": \"audit-1\", \"languages\": {\"nl\": 1}}");
		mvc.delete().uri("/api/counsellors/" + counsellor).with(operator()).exchange();
		put("/api/contacts/topics/AUDITED", "{\"labelNl\": \"Gecontroleerd\", \"labelEn\": \"Audited\"}");
		put("/api/contacts/topics/AUDITED", "{\"labelNl\": \"Gecontroleerd\", \"labelEn\": \"Checked\"}");

		AuditEntry routing = audit.latest("routing", 1).getFirst();
		assertThat(routing.subjectId()).isEqualTo(String.valueOf(id));
		assertThat(routing.before()).contains("\"strategy\":\"LONGEST_IDLE\"");
		assertThat(routing.after()).contains("\"strategy\":\"ROUND_ROBIN\"");

		assertThat(audit.latest("counsellor", 10)).extracting(AuditEntry::action)
			.containsExactly("delete", "update", "create");
		assertThat(audit.latest("counsellor", 10).get(1).after()).contains("Anna B");

		List<AuditEntry> options = audit.latest("contact-option", 10);
		assertThat(options).extracting(AuditEntry::action).containsExactly("update", "create");
		assertThat(options.getFirst().subjectId()).isEqualTo("topic/AUDITED");
		assertThat(options.getFirst().before()).contains("Audited");
		assertThat(options.getFirst().after()).contains("Checked");
	}

	private long helplineId(MvcTestResult created) {
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return helplines.byDialledNumber("08002666436").orElseThrow().id();
	}

	private MvcTestResult post(String uri, String json) {
		return mvc.post().uri(uri).with(operator()).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private MvcTestResult put(String uri, String json) {
		return mvc.put().uri(uri).with(operator()).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor operator() {
		return httpBasic("operator", "local-dev-only");
	}

}
