package org.helpline.web;

import org.helpline.IntegrationTest;
import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.web.ApiUsers.counsellor;
import static org.helpline.web.ApiUsers.operator;

/** The operators' menu API and the preview of an open line's menu, over HTTP. */
@AutoConfigureMockMvc
class MenuApiTest extends IntegrationTest {

	/** Only 1 (self) and 4 (hang up after the alternatives); Dutch only. */
	static final String SHORT_MENU = """
			{"welcome": "welcome", "languages": ["nl"], "skipPromptOnKey": false,
			 "choice": {"prompt": "choose-group", "timeoutSeconds": 4, "repeats": 1, "defaultDigit": "1",
			            "invalidPrompt": "invalid-choice", "noInputPrompt": null,
			            "options": [{"digit": "1", "action": "QUEUE", "callerGroup": "SELF"},
			                        {"digit": "4", "action": "MESSAGE_AND_HANG_UP", "message": "alternatives"}]}}
			""";

	/** Tuesday 5 January 2027, 10:00 in Amsterdam: open. */
	static final String OPEN = "2027-01-05T10:00";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditTrail audit;

	long id;

	@BeforeEach
	void openHelpline(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder passwords) {
		ApiUsers.ensure(accounts, passwords);
		jdbc.sql("delete from audit_entry").update();
		assertThat(send(mvc.post().uri("/api/helplines"), HelplineApiTest.STOP_IT_NOW)).hasStatus(HttpStatus.CREATED);
		id = helplines.byDialledNumber("08002666436").orElseThrow().id();
		assertThat(send(mvc.put().uri("/api/helplines/" + id + "/opening-hours"), HelplineApiTest.OFFICE_HOURS))
			.hasStatusOk();
	}

	@Test
	void aHelplineStartsWithTheDefaultMenuAsVersionZero() {
		assertThat(mvc.get().uri("/api/helplines/" + id + "/menu").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.version", v -> v.assertThat().isEqualTo(0))
			.hasPathSatisfying("$.menu.welcome", v -> v.assertThat().isEqualTo("welcome"))
			.hasPathSatisfying("$.menu.choice.options.length()", v -> v.assertThat().isEqualTo(5))
			.hasPathSatisfying("$.menu.choice.defaultDigit", v -> v.assertThat().isEqualTo("0"));
	}

	@Test
	void aWelcomeOnlyMenuNeedsNothingButTheWelcome() {
		assertThat(putMenu("{\"welcome\": \"welcome\"}")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.menu.choice", v -> v.assertThat().isNull())
			.hasPathSatisfying("$.menu.skipPromptOnKey", v -> v.assertThat().isEqualTo(false));
	}

	@Test
	void anOperatorSavesAMenuReadsItBackAndTheChangeIsAudited() {
		assertThat(putMenu(SHORT_MENU)).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.version", v -> v.assertThat().isEqualTo(1))
			.hasPathSatisfying("$.createdBy", v -> v.assertThat().isEqualTo("operator"));

		assertThat(mvc.get().uri("/api/helplines/" + id + "/menu").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.version", v -> v.assertThat().isEqualTo(1))
			.hasPathSatisfying("$.menu.choice.options[1].action", v -> v.assertThat().isEqualTo("MESSAGE_AND_HANG_UP"));
		AuditEntry entry = audit.latest("menu", 10).getFirst();
		assertThat(entry.action()).isEqualTo("update");
		assertThat(entry.actor()).isEqualTo("operator");
		assertThat(entry.subjectId()).isEqualTo(Long.toString(id));
		assertThat(entry.before()).contains("PARTNER_FAMILY");
		assertThat(entry.after()).contains("MESSAGE_AND_HANG_UP").doesNotContain("PARTNER_FAMILY");
	}

	@Test
	void versionsAreListedNewestFirstAndAnOldOneCanBeRestored() {
		putMenu(SHORT_MENU);
		putMenu(SHORT_MENU.replace("\"timeoutSeconds\": 4", "\"timeoutSeconds\": 8"));

		assertThat(mvc.get().uri("/api/helplines/" + id + "/menu/versions").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$[*].version", v -> v.assertThat().asArray().containsExactly(2, 1));

		assertThat(mvc.post().uri("/api/helplines/" + id + "/menu/versions/1/restore").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.version", v -> v.assertThat().isEqualTo(3))
			.hasPathSatisfying("$.restoredFrom", v -> v.assertThat().isEqualTo(1))
			.hasPathSatisfying("$.menu.choice.timeoutSeconds", v -> v.assertThat().isEqualTo(4));
		assertThat(audit.latest("menu", 10)).extracting(AuditEntry::action).containsExactly("restore", "update", "update");
		assertThat(mvc.post().uri("/api/helplines/" + id + "/menu/versions/9/restore").with(operator()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aMenuThatLoopsIsRefusedNamingTheFieldsAndNothingChanges() {
		MvcTestResult result = putMenu(SHORT_MENU.replace("\"defaultDigit\": \"1\"", "\"defaultDigit\": \"7\"")
			.replace("\"callerGroup\": \"SELF\"", "\"callerGroup\": \"NEIGHBOUR\""));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("choice.options[0].callerGroup", "choice.defaultDigit");
		assertThat(mvc.get().uri("/api/helplines/" + id + "/menu").with(operator())).bodyJson()
			.hasPathSatisfying("$.version", v -> v.assertThat().isEqualTo(0));
		assertThat(audit.latest("menu", 10)).isEmpty();
	}

	@Test
	void onlyOperatorsChangeTheMenuOfAnExistingHelpline() {
		assertThat(mvc.put().uri("/api/helplines/" + id + "/menu").with(counsellor())
			.contentType(MediaType.APPLICATION_JSON).content(SHORT_MENU)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/helplines/" + (id + 1) + "/menu").with(operator()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void previewOfKey2QueuesThePartnerAndListsWhatTheCallerHeard() {
		assertThat(preview("&keys=2")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.action", v -> v.assertThat().isEqualTo("open"))
			.hasPathSatisfying("$.destination", v -> v.assertThat().isEqualTo("queue"))
			.hasPathSatisfying("$.callerGroup", v -> v.assertThat().isEqualTo("PARTNER_FAMILY"))
			.hasPathSatisfying("$.language", v -> v.assertThat().isEqualTo("nl"))
			.hasPathSatisfying("$.prompts[*].file", v -> v.assertThat().asArray()
				.containsExactly("helpline/nl/welcome", "helpline/nl/choose-group"))
			.hasPathSatisfying("$.transcript", v -> v.assertThat().asString()
				.startsWith("Welkom bij de anonieme hulplijn.")
				.contains("toets 2"));
	}

	@Test
	void previewWithoutKeysTakesTheDefaultAfterTheRepeats() {
		assertThat(preview("")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.callerGroup", v -> v.assertThat().isEqualTo("OTHER"))
			.hasPathSatisfying("$.prompts[*].key", v -> v.assertThat().asArray()
				.containsExactly("welcome", "choose-group", "no-choice", "choose-group", "no-choice", "choose-group"))
			.hasPathSatisfying("$.path[-1]", v -> v.assertThat().isEqualTo("default:0"));
	}

	@Test
	void previewFollowsTheLanguageKeyAndTheSavedMenu() {
		assertThat(preview("&keys=-,9,1")).bodyJson()
			.hasPathSatisfying("$.prompts[*].file", v -> v.assertThat().asArray()
				.containsExactly("helpline/nl/welcome", "helpline/nl/choose-group", "helpline/nl/no-choice",
						"helpline/nl/choose-group", "helpline/en/choose-group"))
			.hasPathSatisfying("$.callerGroup", v -> v.assertThat().isEqualTo("SELF"))
			.hasPathSatisfying("$.language", v -> v.assertThat().isEqualTo("en"));

		putMenu(SHORT_MENU);

		assertThat(preview("&keys=4")).bodyJson()
			.hasPathSatisfying("$.destination", v -> v.assertThat().isEqualTo("hang-up"))
			.hasPathSatisfying("$.prompts[*].key", v -> v.assertThat().asArray()
				.containsExactly("welcome", "choose-group", "alternatives"));
	}

	@Test
	void previewWithKeysThatAreNoKeysNamesTheParameterInTheWordsOfThePagesPreview() {
		assertThat(preview("&keys=2x")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("keys"))
			.hasPathSatisfying("$.errors[0].code", v -> v.assertThat().isEqualTo("form.not-keys"))
			.hasPathSatisfying("$.errors[0].message", v -> v.assertThat()
				.isEqualTo("'2x' is not a list of keys like 2 or -,-,2 (0-9, * or #; - for no key)"));
	}

	private MvcTestResult preview(String keys) {
		return mvc.get().uri("/api/preview?number=08002666436&at=" + OPEN + keys).with(operator()).exchange();
	}

	private MvcTestResult putMenu(String json) {
		return send(mvc.put().uri("/api/helplines/" + id + "/menu"), json);
	}

	private MvcTestResult send(MockMvcTester.MockMvcRequestBuilder request, String json) {
		return request.with(operator()).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

}
