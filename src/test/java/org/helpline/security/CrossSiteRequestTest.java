package org.helpline.security;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * A browser that remembers an operator's Basic login sends it with any request to the API,
 * also one a page of another site makes it send: a form posted there, or a script's fetch.
 * Such requests change nothing, while scripts, curl and Prometheus keep working. (The plain
 * cases are in web.CrossSiteApiTest; these are the edges, and the browser's login box.)
 */
@AutoConfigureMockMvc
class CrossSiteRequestTest extends IntegrationTest {

	private static final String HELPLINE = "{\"name\": \"Cross-site\", \"numbers\": [\"0800777\"]}";

	// MockMvc's requests go to http://localhost.
	private static final String OWN_ORIGIN = "http://localhost";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcUserDetailsManager users;

	@Autowired
	PasswordEncoder passwords;

	@BeforeEach
	void staffAccounts() {
		new TestAccounts(users, passwords, jdbc).reset();
	}

	@Test
	void anotherPortOfTheSameHostIsAnotherOrigin() {
		assertThat(createHelpline(HttpHeaders.ORIGIN, "http://localhost:8081")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(helplines.all()).isEmpty();

		assertThat(createHelpline(HttpHeaders.ORIGIN, OWN_ORIGIN)).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void aRequestWithNeitherHeaderIsAScriptAndPasses() {
		assertThat(mvc.post().uri("/api/helplines").with(TestAccounts.basic(TestAccounts.OPERATOR))
			.contentType(MediaType.APPLICATION_JSON)
			.content(HELPLINE)).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void readingFromAnotherSiteIsNotAChangeAndPasses() {
		assertThat(mvc.get().uri("/api/helplines").with(TestAccounts.basic(TestAccounts.OPERATOR))
			.header("Sec-Fetch-Site", "cross-site")).hasStatusOk();
	}

	@Test
	void theApiRefusesWhatAPlainHtmlFormCanSend() {
		// A form of another site needs no script and no permission to send these three.
		assertThat(mvc.post().uri("/api/accounts/" + TestAccounts.COUNSELLOR + "/unlock")
			.with(httpBasic("operator", "local-dev-only"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("x=1")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(mvc.post().uri("/api/contacts/import?helpline=1").with(TestAccounts.basic(TestAccounts.OPERATOR))
			.contentType("text/plain;charset=UTF-8")
			.content("date,channel,caller_group,topics,person_key\n")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(mvc.post().uri("/api/helplines").with(TestAccounts.basic(TestAccounts.OPERATOR)).multipart()
			.param("name", "Cross-site")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(mvc.put().uri("/api/contacts/topics/CROSS").with(TestAccounts.basic(TestAccounts.OPERATOR))
			.contentType(MediaType.TEXT_PLAIN)
			.content("{\"labelNl\": \"x\", \"labelEn\": \"x\", \"active\": true}"))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(helplines.all()).isEmpty();
	}

	@Test
	void aPromptRecordingMayBeAFormUploadButNotFromAnotherSite() {
		MockMultipartFile recording = new MockMultipartFile("file", "hold.wav", "audio/wav", new byte[] { 1, 2 });

		MvcTestResult fromAnotherSite = mvc.post().uri("/api/prompts/en/queue-hold/audio")
			.with(TestAccounts.basic(TestAccounts.OPERATOR))
			.header("Sec-Fetch-Site", "cross-site")
			.multipart()
			.file(recording)
			.exchange();
		MvcTestResult fromAnotherOrigin = mvc.post().uri("/api/prompts/en/queue-hold/audio")
			.with(TestAccounts.basic(TestAccounts.OPERATOR))
			.header(HttpHeaders.ORIGIN, "https://attacker.example")
			.multipart()
			.file(recording)
			.exchange();
		MvcTestResult fromAScript = mvc.post().uri("/api/prompts/en/queue-hold/audio")
			.with(TestAccounts.basic(TestAccounts.OPERATOR))
			.multipart()
			.file(recording)
			.exchange();

		assertThat(fromAnotherSite).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(fromAnotherOrigin).hasStatus(HttpStatus.FORBIDDEN);
		// Past the wall: two bytes are no recording, and the upload says so itself.
		assertThat(fromAScript).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void aBrowserIsNotAskedForABasicLoginSoItRemembersNone() {
		assertThat(mvc.get().uri("/api/helplines").header("Sec-Fetch-Mode", "navigate"))
			.hasStatus(HttpStatus.UNAUTHORIZED)
			.doesNotContainHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(mvc.get().uri("/api/helplines").accept(MediaType.TEXT_HTML, MediaType.ALL))
			.hasStatus(HttpStatus.UNAUTHORIZED)
			.doesNotContainHeader(HttpHeaders.WWW_AUTHENTICATE);

		// Clients that answer a challenge (Java's HttpClient with an Authenticator, say) still get one.
		assertThat(mvc.get().uri("/api/helplines")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Realm\"");
	}

	private MvcTestResult createHelpline(String header, String value) {
		return mvc.post().uri("/api/helplines").with(TestAccounts.basic(TestAccounts.OPERATOR))
			.header(header, value)
			.contentType(MediaType.APPLICATION_JSON)
			.content(HELPLINE)
			.exchange();
	}

}
