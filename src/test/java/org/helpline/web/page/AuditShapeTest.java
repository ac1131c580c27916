package org.helpline.web.page;

import java.util.List;

import org.helpline.IntegrationTest;
import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.helpline.helplines.HelplineSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** A change is audited by the service that makes it: the same change via the API or a page leaves the same entry. */
@AutoConfigureMockMvc
class AuditShapeTest extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditTrail audit;

	private long id;

	@BeforeEach
	void oneHelplineAndNoTrail() {
		jdbc.sql("delete from audit_entry").update();
		id = helplines.create(new HelplineSettings("Audit Shape", List.of("0800777888"), "Europe/Amsterdam", "NL",
				"nl", 25)).id();
	}

	@Test
	void openingHoursSetOnThePageAreAuditedAsTheApiAuditsThem() {
		assertThat(mvc.put().uri("/api/helplines/" + id + "/opening-hours").with(operator())
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"day\": \"MONDAY\", \"start\": \"09:00\", \"end\": \"17:00\"}]")).hasStatusOk();
		AuditEntry viaApi = latest();
		helplines.replaceOpeningHours(id, List.of());

		assertThat(mvc.post().uri("/operator/helplines/" + id + "/opening-hours").param("day", "MONDAY")
			.param("start", "09:00").param("end", "17:00").with(operator()).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		AuditEntry viaPage = latest();

		assertSameShape(viaPage, viaApi);
	}

	@Test
	void aClosureAddedOnThePageIsAuditedAsTheApiAuditsIt() {
		assertThat(mvc.post().uri("/api/helplines/" + id + "/closures").with(operator())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstDay\": \"2027-01-11\", \"lastDay\": \"2027-01-12\", \"reason\": \"Training\"}"))
			.hasStatus(HttpStatus.CREATED);
		AuditEntry viaApi = latest();
		helplines.removeClosure(id, helplines.get(id).closures().getFirst().id());

		assertThat(mvc.post().uri("/operator/helplines/" + id + "/closures").param("firstDay", "2027-01-11")
			.param("lastDay", "2027-01-12").param("reason", "Training").with(operator()).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		AuditEntry viaPage = latest();

		assertSameShape(viaPage, viaApi);
	}

	private AuditEntry latest() {
		return audit.latest("helpline", 1).getFirst();
	}

	/** The same but for the closure's own id, which a second closure cannot share. */
	private static void assertSameShape(AuditEntry viaPage, AuditEntry viaApi) {
		assertThat(viaPage.actor()).isEqualTo(viaApi.actor());
		assertThat(viaPage.subjectId()).isEqualTo(viaApi.subjectId());
		assertThat(viaPage.action()).isEqualTo(viaApi.action());
		assertThat(withoutClosureIds(viaPage.before())).isEqualTo(withoutClosureIds(viaApi.before()));
		assertThat(withoutClosureIds(viaPage.after())).isEqualTo(withoutClosureIds(viaApi.after()));
	}

	private static String withoutClosureIds(String json) {
		return json.replaceAll("\\{\"id\":\\d+,\"value\"", "{\"id\":0,\"value\"");
	}

	private static RequestPostProcessor operator() {
		return user("operator").roles("OPERATOR");
	}

}
