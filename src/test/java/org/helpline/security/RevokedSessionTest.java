package org.helpline.security;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * An administrator who disables, deletes, demotes or resets an account ends its page sessions
 * and live-board streams at once, instead of leaving them running with the old roles until
 * they time out.
 */
@AutoConfigureMockMvc
class RevokedSessionTest extends IntegrationTest {

	private static final String USER = TestAccounts.OPERATOR;

	private static final String BOARD = "/operator/board";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcUserDetailsManager users;

	@Autowired
	PasswordEncoder passwords;

	TestAccounts accounts;

	MockHttpSession operator;

	@BeforeEach
	void operatorOnTheBoard() {
		accounts = new TestAccounts(users, passwords, jdbc);
		accounts.reset();
		operator = accounts.login(mvc, USER);
		assertThat(mvc.get().uri(BOARD).session(operator)).hasStatusOk();
	}

	@AfterEach
	void accountAsTheOtherTestsKnowIt() {
		if (users.userExists(USER)) {
			users.deleteUser(USER);
		}
		accounts.reset();
	}

	@Test
	void disablingAnAccountEndsItsPageSession() {
		MockHttpSession counsellor = accounts.login(mvc, TestAccounts.COUNSELLOR);

		assertThat(change("{\"roles\": [\"OPERATOR\"], \"enabled\": false}")).hasStatusOk();

		assertEnded(operator);
		// Only the sessions of that account.
		assertThat(mvc.get().uri("/account/password").session(counsellor)).hasStatusOk();
	}

	@Test
	void demotingAnAccountEndsItsPageSession() {
		assertThat(change("{\"roles\": [\"ANALYST\"], \"enabled\": true}")).hasStatusOk();

		assertEnded(operator);
	}

	@Test
	void deletingAnAccountEndsItsPageSession() {
		assertThat(mvc.delete().uri("/api/accounts/" + USER).with(admin())).hasStatus2xxSuccessful();

		assertEnded(operator);
	}

	@Test
	void resettingThePasswordEndsThePageSession() {
		assertThat(mvc.post().uri("/api/accounts/" + USER + "/password").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\": \"another-long-password\"}")).hasStatus2xxSuccessful();

		assertEnded(operator);
	}

	@Test
	void disablingOnTheAdminPageEndsThePageSessionToo() {
		MockHttpSession admin = accounts.login(mvc, "operator", "local-dev-only");

		// No "enabled" box ticked: disabled.
		assertThat(mvc.post().uri("/admin/accounts/" + USER).session(admin).with(csrf()).param("roles", "OPERATOR"))
			.hasStatus(HttpStatus.FOUND);

		assertEnded(operator);
	}

	@Test
	void changingNothingButTheCounsellorLinkKeepsTheSession() {
		assertThat(change("{\"roles\": [\"OPERATOR\"], \"enabled\": true}")).hasStatusOk();

		assertThat(mvc.get().uri(BOARD).session(operator)).hasStatusOk();
	}

	@Test
	void anOpenBoardStreamEndsWhenTheAccountIsDisabled() {
		MvcTestResult stream = mvc.get().uri(BOARD + "/events").session(operator).asyncExchange();
		assertThat(stream.getMvcResult().getRequest().isAsyncStarted()).isTrue();

		assertThat(change("{\"roles\": [\"OPERATOR\"], \"enabled\": false}")).hasStatusOk();

		// Waits for nothing: the stream has ended by the time the change is answered, or not at all.
		assertThatNoException().as("the board stream has ended")
			.isThrownBy(() -> stream.getMvcResult().getAsyncResult(0));
	}

	private void assertEnded(MockHttpSession session) {
		assertThat(mvc.get().uri(BOARD).session(session)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
	}

	private MvcTestResult change(String json) {
		return mvc.put().uri("/api/accounts/" + USER).with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private static RequestPostProcessor admin() {
		return httpBasic("operator", "local-dev-only");
	}

}
