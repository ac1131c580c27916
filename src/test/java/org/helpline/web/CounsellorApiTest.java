package org.helpline.web;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Counsellors through the API: operators configure them, counsellors set their own state. */
@AutoConfigureMockMvc
class CounsellorApiTest extends IntegrationTest {

	static final String ANNA = """
			{"displayName": "Anna", "endpoint": "counsellor-1", "username": "anna",
			 "callerGroups": {"self": 1, "professional": 2}, "languages": {"nl": 1, "en": 3}}
			""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcUserDetailsManager accounts;

	@Autowired
	PasswordEncoder passwords;

	@BeforeEach
	void noCounsellorsAndACounsellorLogin() {
		jdbc.sql("delete from counsellor").update();
		if (!accounts.userExists("anna")) {
			accounts.createUser(User.withUsername("anna").password(passwords.encode("anna-secret"))
				.roles("COUNSELLOR").build());
		}
	}

	/** Issue 12: the README's own example ({@code "SELF":1}) was refused as "not a valid name". */
	@Test
	void groupsAndLanguagesAreReadCaseBlindAndShownInTheirOneSpelling() {
		String body = """
				{"displayName": "Sanne", "endpoint": "counsellor-7", "callerGroups": {"SELF": 1, "partner-family": 2},
				 "languages": {"NL": 1}}""";

		assertThat(mvc.post().uri("/api/counsellors").with(operator()).contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.hasPathSatisfying("$.callerGroups.SELF", v -> v.assertThat().isEqualTo(1))
			.hasPathSatisfying("$.callerGroups.PARTNER_FAMILY", v -> v.assertThat().isEqualTo(2))
			.hasPathSatisfying("$.languages.nl", v -> v.assertThat().isEqualTo(1));
	}

	@Test
	void operatorCreatesACounsellorWithSkillsAndReadsItBack() {
		long id = createAnna();

		assertThat(mvc.get().uri("/api/counsellors/" + id).with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.endpoint", v -> v.assertThat().isEqualTo("counsellor-1"))
			.hasPathSatisfying("$.callerGroups.PROFESSIONAL", v -> v.assertThat().isEqualTo(2))
			.hasPathSatisfying("$.languages.en", v -> v.assertThat().isEqualTo(3));
		assertThat(mvc.get().uri("/api/counsellors/" + id + "/state").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.state", v -> v.assertThat().isEqualTo("SIGNED_OUT"));
	}

	@Test
	void aCounsellorIsReachedThroughAnEndpointOrAnExternalNumberNotBoth() {
		MvcTestResult both = post("/api/counsellors", ANNA.replace("\"username\": \"anna\"",
				"\"externalNumber\": \"0612345678\""));

		assertThat(both).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("endpoint");
	}

	@Test
	void aSkillLevelOutsideOneToThreeAndAnUnknownAccountAreRefusedNamingEachField() {
		MvcTestResult result = post("/api/counsellors",
				ANNA.replace("\"self\": 1", "\"self\": 4").replace("\"anna\"", "\"nobody\""));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("callerGroups.self", "username");
		assertThat(mvc.get().uri("/api/counsellors").with(operator())).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(0);
	}

	@Test
	void aCounsellorSignsInPausesResumesAndSignsOutThemselves() {
		createAnna();

		assertThat(mvc.post().uri("/api/counsellor/me/sign-in").with(anna())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.state", v -> v.assertThat().isEqualTo("AVAILABLE"));
		assertThat(mvc.post().uri("/api/counsellor/me/pause").with(anna()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"supervision\"}")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.reason", v -> v.assertThat().isEqualTo("supervision"));
		assertThat(mvc.post().uri("/api/counsellor/me/resume").with(anna())).hasStatusOk();
		assertThat(mvc.post().uri("/api/counsellor/me/sign-out").with(anna())).hasStatusOk();
		assertThat(mvc.get().uri("/api/counsellor/me").with(anna())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.state", v -> v.assertThat().isEqualTo("SIGNED_OUT"));
	}

	@Test
	void aPauseNeedsAReason() {
		createAnna();
		mvc.post().uri("/api/counsellor/me/sign-in").with(anna()).exchange();

		assertThat(mvc.post().uri("/api/counsellor/me/pause").with(anna()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \" \"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("reason");
	}

	@Test
	void resumingWhileSignedOutIsAConflict() {
		createAnna();

		assertThat(mvc.post().uri("/api/counsellor/me/resume").with(anna())).hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void wrapUpCanOnlyBeExtendedByAReasonableTime() {
		createAnna();

		assertThat(mvc.post().uri("/api/counsellor/me/wrap-up/extend").with(anna())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"seconds\": 0}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("seconds");
	}

	@Test
	void aCounsellorCannotUseTheOperatorsApi() {
		long id = createAnna();

		assertThat(mvc.get().uri("/api/counsellors").with(anna())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/counsellors/" + id + "/sign-in").with(anna())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/routing/board").with(anna())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.put().uri("/api/helplines/1/routing").with(anna()).contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void operatorsSetAnyCounsellorsStateAndSeeItOnTheBoard() {
		long id = createAnna();

		assertThat(mvc.post().uri("/api/counsellors/" + id + "/sign-in").with(operator())).hasStatusOk();

		assertThat(mvc.get().uri("/api/routing/board").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.counsellors[0].state", v -> v.assertThat().isEqualTo("AVAILABLE"));
	}

	@Test
	void aLoginLinkedToNoCounsellorHasNoOwnState() {
		assertThat(mvc.get().uri("/api/counsellor/me").with(operator())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void anUnknownCounsellorIsNotFoundAndARemovedOneIsGone() {
		long id = createAnna();

		assertThat(mvc.delete().uri("/api/counsellors/" + id).with(operator())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/counsellors/" + id).with(operator())).hasStatus(HttpStatus.NOT_FOUND);
	}

	private long createAnna() {
		MvcTestResult created = post("/api/counsellors", ANNA);
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return jdbc.sql("select id from counsellor where endpoint = 'counsellor-1'").query(Long.class).single();
	}

	private MvcTestResult post(String uri, String json) {
		return mvc.post().uri(uri).with(operator()).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	static RequestPostProcessor operator() {
		return httpBasic("operator", "local-dev-only");
	}

	static RequestPostProcessor anna() {
		return httpBasic("anna", "anna-secret");
	}

}
