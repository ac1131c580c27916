package org.helpline.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.helpline.contact.CallOutcome;
import org.helpline.contact.CompletedCall;
import org.helpline.contact.ContactIntegrationTest;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.Counsellors;
import org.helpline.privacy.CallerNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.web.ApiUsers.analyst;
import static org.helpline.web.ApiUsers.counsellor;
import static org.helpline.web.ApiUsers.operator;

/** The counsellors' contact API over HTTP: wrap-up, e-mail and chat, lists, import. */
@AutoConfigureMockMvc
class ContactApiTest extends ContactIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	long helpline;

	/** The counsellor the API user "counsellor" acts as. */
	long me;

	long colleague;

	@BeforeEach
	void accounts(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder passwords,
			@Autowired Counsellors counsellors) {
		ApiUsers.ensure(accounts, passwords);
		helpline = stopItNow();
		me = linkedCounsellor(counsellors, "api-anna", "counsellor");
		colleague = linkedCounsellor(counsellors, "api-bram", null);
	}

	@Test
	void aCounsellorWrapsUpTheCallTheyTook() {
		long id = answeredBy(me);

		assertThat(put("/api/contacts/" + id + "/wrap-up", counsellor(), """
				{"topics": ["OWN_FEELINGS", "DOWNLOADING"], "referral": "TREATMENT_CENTRE"}"""))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.topics.length()", v -> v.assertThat().isEqualTo(2))
			.hasPathSatisfying("$.referral", v -> v.assertThat().isEqualTo("TREATMENT_CENTRE"))
			.hasPathSatisfying("$.startedAround", v -> v.assertThat().isEqualTo("2027-01-05T09:00:00"))
			.doesNotHavePath("$.pseudonym");
	}

	@Test
	void aCounsellorCanNeitherOpenNorWrapUpAColleaguesCall() {
		long id = answeredBy(colleague);

		assertThat(mvc.get().uri("/api/contacts/" + id).with(counsellor())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(put("/api/contacts/" + id + "/wrap-up", counsellor(), "{\"topics\": [\"OTHER\"]}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(records.get(id).wrappedUp()).isFalse();
		assertThat(put("/api/contacts/" + id + "/wrap-up", operator(), "{\"topics\": [\"OTHER\"]}"))
			.hasStatusOk();
	}

	@Test
	void aBadWrapUpNamesEachField() {
		long id = answeredBy(me);

		assertThat(put("/api/contacts/" + id + "/wrap-up", counsellor(),
				"{\"topics\": [\"GOSSIP\"], \"returningCaller\": true}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("topics", "returningCaller");
	}

	@Test
	void aCallThatWasNotAnsweredHasNoWrapUpAndAnUnknownOneIsNotFound() {
		long id = unanswered(helpline, "2027-01-05T08:40:00Z", NUMBER, "SELF", CallOutcome.OUT_OF_HOURS, 0);

		assertThat(put("/api/contacts/" + id + "/wrap-up", operator(), "{\"topics\": [\"OTHER\"]}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(put("/api/contacts/999999/wrap-up", counsellor(), "{\"topics\": [\"OTHER\"]}"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aCounsellorRegistersAChatAndCanOpenItAgain() {
		MvcTestResult created = post("/api/contacts", counsellor(), MediaType.APPLICATION_JSON, """
				{"helplineId": %d, "channel": "chat", "date": "2027-01-04", "callerGroup": "PARTNER_FAMILY",
				 "topics": ["PARTNER_FAMILY"], "returningCaller": false}""".formatted(helpline));

		// Ids are random (issue 11): the one made is the one the answer points to.
		long id = Long.parseLong(created.getResponse().getHeader("Location").replace("/api/contacts/", ""));
		assertThat(created).hasStatus(HttpStatus.CREATED)
			.hasHeader("Location", "/api/contacts/" + id)
			.bodyJson()
			.hasPathSatisfying("$.channel", v -> v.assertThat().isEqualTo("chat"))
			.hasPathSatisfying("$.identified", v -> v.assertThat().isEqualTo(false));
		assertThat(mvc.get().uri("/api/contacts/" + id).with(counsellor())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.counsellorId", v -> v.assertThat().isEqualTo((int) me));
	}

	@Test
	void counsellorsReadTheListsOnlyOperatorsChangeThem() {
		String topic = "{\"labelNl\": \"Sexting\", \"labelEn\": \"Sexting\"}";

		assertThat(mvc.get().uri("/api/contacts/topics").with(counsellor())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$[1].code", v -> v.assertThat().isEqualTo("DOWNLOADING"));
		assertThat(put("/api/contacts/topics/SEXTING", counsellor(), topic)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(put("/api/contacts/topics/SEXTING", operator(), topic)).hasStatusOk();
		assertThat(put("/api/contacts/referrals/bad code", operator(), topic)).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/api/contacts/topics").with(counsellor())).bodyJson()
			.extractingPath("$[*].code")
			.asArray()
			.contains("SEXTING");
	}

	@Test
	void anImportLargerThanTheLimitIsRefusedAndStoresNothing() {
		String csv = "date,channel\n" + "2016-01-04,phone\n".repeat(400_000);

		assertThat(post("/api/contacts/import?helpline=" + helpline, operator(), MediaType.valueOf("text/csv"), csv))
			.hasStatus(HttpStatus.CONTENT_TOO_LARGE)
			.bodyJson()
			.hasPathSatisfying("$.detail", v -> v.assertThat().asString().contains("helpline.import.max-size"));
		assertThat(countRecords()).isZero();
	}

	@Test
	void onlyOperatorsImportAndABadFileIsRefusedByLine() {
		String csv = "date,channel\n2016-01-04,phone\n2016-01-05,pigeon\n";

		assertThat(post("/api/contacts/import?helpline=" + helpline, counsellor(), MediaType.valueOf("text/csv"), csv))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("/api/contacts/import?helpline=" + helpline, operator(), MediaType.valueOf("text/csv"), csv))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].line", v -> v.assertThat().isEqualTo(3))
			.hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("channel"));
		assertThat(countRecords()).isZero();
		assertThat(post("/api/contacts/import?helpline=" + helpline, operator(), MediaType.valueOf("text/csv"),
				"date,channel\n2016-01-04,phone\n"))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.imported", v -> v.assertThat().isEqualTo(1));
	}

	@Test
	void anImportDryRunAnswersWhatWouldBeAddedAndTheImportAfterItStoresIt() {
		String csv = "date,channel\n2015-03-02,phone\n2016-01-04,phone\n2016-01-05,chat\n";

		assertThat(post("/api/contacts/import?dryRun=true&helpline=" + helpline, operator(),
				MediaType.valueOf("text/csv"), csv))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"imported\": 3, \"byYear\": {\"2015\": 1, \"2016\": 2}, \"stored\": false}");
		assertThat(countRecords()).isZero();
		assertThat(post("/api/contacts/import?helpline=" + helpline, operator(), MediaType.valueOf("text/csv"), csv))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.stored", v -> v.assertThat().isEqualTo(true));
		assertThat(post("/api/contacts/import?dryRun=true&helpline=" + helpline, operator(),
				MediaType.valueOf("text/csv"), csv))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].message", v -> v.assertThat().asString().contains("already holds 1"))
			.hasPathSatisfying("$.errors[0].code", v -> v.assertThat().isEqualTo("import.year-imported"))
			.hasPathSatisfying("$.errors[0].line", v -> v.assertThat().isEqualTo(2));
		assertThat(countRecords()).isEqualTo(3);
	}

	@Test
	void analystsHaveNoAccessToSingleContacts() {
		long id = answeredBy(me);

		assertThat(mvc.get().uri("/api/contacts/" + id).with(analyst())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/contacts/" + id)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/contacts/" + id).with(counsellor())).hasStatusOk();
	}

	private long answeredBy(long counsellor) {
		return records.recordCall(new CompletedCall(helpline, Instant.parse("2027-01-05T08:40:00Z"),
				CallerNumber.of(NUMBER), "SELF", "nl", Duration.ofSeconds(12), Duration.ofSeconds(3),
				Duration.ofSeconds(900), counsellor, CallOutcome.ANSWERED, "phone"));
	}

	private static long linkedCounsellor(Counsellors counsellors, String endpoint, String username) {
		return counsellors.all()
			.stream()
			.filter(c -> endpoint.equals(c.endpoint()))
			.findFirst()
			.orElseGet(() -> counsellors
				.create(new CounsellorSettings(endpoint, endpoint, null, username, Map.of(), Map.of())))
			.id();
	}

	private MvcTestResult put(String uri, RequestPostProcessor who,
			String json) {
		return mvc.put().uri(uri).with(who).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private MvcTestResult post(String uri, RequestPostProcessor who,
			MediaType type, String body) {
		return mvc.post().uri(uri).with(who).contentType(type).content(body).exchange();
	}

}
