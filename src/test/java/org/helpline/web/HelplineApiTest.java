package org.helpline.web;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The operators' API as a client sees it: real HTTP semantics, real security, real PostgreSQL. */
@AutoConfigureMockMvc
class HelplineApiTest extends IntegrationTest {

	static final String STOP_IT_NOW = """
			{"name": "Stop it Now", "numbers": ["08002666436"], "timeZone": "Europe/Amsterdam",
			 "country": "NL", "language": "nl", "ringTimeoutSeconds": 25}
			""";

	static final String OFFICE_HOURS = """
			[{"day": "MONDAY", "start": "09:00", "end": "17:00"},
			 {"day": "TUESDAY", "start": "09:00", "end": "17:00"},
			 {"day": "WEDNESDAY", "start": "09:00", "end": "17:00"},
			 {"day": "THURSDAY", "start": "09:00", "end": "17:00"},
			 {"day": "FRIDAY", "start": "09:00", "end": "17:00"}]
			""";

	@Autowired
	MockMvcTester mvc;

	@Test
	void operatorCreatesAHelplineWithOpeningHoursAndReadsItBack() {
		long id = createStopItNow();

		assertThat(put("/api/helplines/" + id + "/opening-hours", OFFICE_HOURS)).hasStatusOk();

		assertThat(mvc.get().uri("/api/helplines/" + id).with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.openingHours.length()", v -> v.assertThat().isEqualTo(5))
			.hasPathSatisfying("$.zone", v -> v.assertThat().isEqualTo("Europe/Amsterdam"))
			.hasPathSatisfying("$.holidayPolicy.closedTypes[0]", v -> v.assertThat().isEqualTo("PUBLIC"));
	}

	@Test
	void overlappingIntervalsAreRefusedNamingTheField() {
		long id = createStopItNow();

		MvcTestResult result = put("/api/helplines/" + id + "/opening-hours", """
				[{"day": "MONDAY", "start": "09:00", "end": "13:00"},
				 {"day": "MONDAY", "start": "12:00", "end": "17:00"}]""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.startsWith("openingHours[");
		assertThat(helplines.get(id).openingHours()).isEmpty();
	}

	@Test
	void anEndBeforeItsStartIsRefused() {
		long id = createStopItNow();

		MvcTestResult result = put("/api/helplines/" + id + "/opening-hours",
				"[{\"day\": \"MONDAY\", \"start\": \"17:00\", \"end\": \"09:00\"}]");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.startsWith("openingHours[0]");
	}

	@Test
	void unknownTimeZoneAndCountryAreRefusedNamingBothFields() {
		MvcTestResult result = post("/api/helplines", STOP_IT_NOW.replace("Europe/Amsterdam", "Europe/Atlantis")
			.replace("\"NL\"", "\"XX\""));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("timeZone", "country");
	}

	@Test
	void aTimeThatIsNoTimeIsRefusedNamingWhereItIs() {
		long id = createStopItNow();

		MvcTestResult result = put("/api/helplines/" + id + "/opening-hours",
				"[{\"day\": \"MONDAY\", \"start\": \"25:00\", \"end\": \"26:00\"}]");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("[0].start");
	}

	@Test
	void aNumberCanBelongToOneHelplineOnly() {
		createStopItNow();

		MvcTestResult result = post("/api/helplines", STOP_IT_NOW.replace("Stop it Now", "Other line"));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("numbers");
	}

	@Test
	void closureWithLastDayBeforeFirstDayIsRefused() {
		long id = createStopItNow();

		MvcTestResult result = post("/api/helplines/" + id + "/closures",
				"{\"firstDay\": \"2027-01-12\", \"lastDay\": \"2027-01-11\", \"reason\": \"Training\"}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.contains("lastDay");
	}

	@Test
	void closureIsAddedListedAndRemoved() {
		long id = createStopItNow();

		MvcTestResult added = post("/api/helplines/" + id + "/closures",
				"{\"firstDay\": \"2027-01-11\", \"lastDay\": \"2027-01-12\", \"reason\": \"Training\"}");
		assertThat(added).hasStatus(HttpStatus.CREATED);
		long closureId = helplines.get(id).closures().getFirst().id();

		assertThat(mvc.delete().uri("/api/helplines/" + id + "/closures/" + closureId).with(operator()))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(helplines.get(id).closures()).isEmpty();
		assertThat(mvc.delete().uri("/api/helplines/" + id + "/closures/" + closureId).with(operator()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void previewSaysWhatAnEveningCallerHears() {
		long id = createStopItNow();
		put("/api/helplines/" + id + "/opening-hours", OFFICE_HOURS);

		assertThat(mvc.get().uri("/api/preview?number=08002666436&at=2027-01-05T20:00").with(operator()))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.action", v -> v.assertThat().isEqualTo("closed"))
			.hasPathSatisfying("$.outcome", v -> v.assertThat().isEqualTo("closed_outside_hours"))
			.hasPathSatisfying("$.prompts[0].file", v -> v.assertThat().isEqualTo("helpline/nl/closed-evening"))
			.hasPathSatisfying("$.transcript", v -> v.assertThat().asString()
				.contains("Op dit moment zijn we gesloten", "morgen om negen uur", "tomorrow at nine o'clock"));
	}

	@Test
	void previewAcrossTheSpringDstChangeUsesAmsterdamWallClock() {
		long id = createStopItNow();
		put("/api/helplines/" + id + "/opening-hours", OFFICE_HOURS);

		assertThat(mvc.get().uri("/api/preview?number=08002666436&at=2027-03-30T09:30").with(operator()))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.action", v -> v.assertThat().isEqualTo("open"))
			.hasPathSatisfying("$.at", v -> v.assertThat().asString().endsWith("+02:00"));
	}

	@Test
	void previewOfAnOpenLineSaysWhatACallerHearsWhenNobodyCanTakeCalls() {
		long id = createStopItNow();
		put("/api/helplines/" + id + "/opening-hours", OFFICE_HOURS);
		put("/api/helplines/" + id + "/routing", "{\"waitForSignInSeconds\": 90}");

		assertThat(mvc.get().uri("/api/preview?number=08002666436&at=2027-01-05T10:00").with(operator()))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.destination", v -> v.assertThat().isEqualTo("queue"))
			.hasPathSatisfying("$.nobodyAvailable.afterSeconds", v -> v.assertThat().isEqualTo(90))
			.hasPathSatisfying("$.nobodyAvailable.prompts[0].file",
					v -> v.assertThat().isEqualTo("helpline/nl/nobody-available"))
			.hasPathSatisfying("$.nobodyAvailable.transcript", v -> v.assertThat().asString()
				.contains("niemand beschikbaar", "Bel dan 1 1 2"));
	}

	@Test
	void previewWithAnUnreadableMomentNamesTheParameter() {
		assertThat(mvc.get().uri("/api/preview?number=08002666436&at=tomorrow").with(operator()))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("at");
	}

	@Test
	void holidaysOfTheYearShowWhichCloseTheLine() {
		long id = createStopItNow();
		put("/api/helplines/" + id + "/holiday-policy",
				"{\"closedTypes\": [\"PUBLIC\"], \"alsoClosed\": [\"christian.GOOD_FRIDAY\"], \"stayOpen\": [\"LIBERATION\"]}");

		assertThat(mvc.get().uri("/api/helplines/" + id + "/holidays?year=2027").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$[?(@.key == 'KINGS_DAY')].closesLine", v -> v.assertThat().asArray().containsExactly(true))
			.hasPathSatisfying("$[?(@.key == 'LIBERATION')].closesLine", v -> v.assertThat().asArray().containsExactly(false))
			.hasPathSatisfying("$[?(@.key == 'christian.GOOD_FRIDAY')].closesLine",
					v -> v.assertThat().asArray().containsExactly(true));
	}

	@Test
	void aHelplineWithoutZoneCountryOrLanguageIsADutchOne() {
		assertThat(post("/api/helplines", "{\"name\": \"Minimal\", \"numbers\": [\"0800111\"], "
				+ "\"ringTimeoutSeconds\": 20}")).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.hasPathSatisfying("$.zone", v -> v.assertThat().isEqualTo("Europe/Amsterdam"))
			.hasPathSatisfying("$.country", v -> v.assertThat().isEqualTo("NL"))
			.hasPathSatisfying("$.language", v -> v.assertThat().isEqualTo("nl"));
	}

	@Test
	void theApiNeedsALogin() {
		assertThat(mvc.get().uri("/api/helplines")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/helplines").with(httpBasic("operator", "wrong")))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void healthAnswersWithoutLogin() {
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
	}

	private long createStopItNow() {
		MvcTestResult created = post("/api/helplines", STOP_IT_NOW);
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return helplines.byDialledNumber("08002666436").orElseThrow().id();
	}

	private MvcTestResult post(String uri, String json) {
		return mvc.post().uri(uri).with(operator()).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private MvcTestResult put(String uri, String json) {
		return mvc.put().uri(uri).with(operator()).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor operator() {
		return httpBasic("operator", "local-dev-only");
	}

}
