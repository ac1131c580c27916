package org.helpline.security;

import java.time.Duration;
import java.time.Instant;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Guessing passwords: 5 wrong ones within 15 minutes lock the account for 15 minutes, on pages and the API. */
@AutoConfigureMockMvc
class LockoutTest extends IntegrationTest {

	private static final String USER = TestAccounts.OPERATOR;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcUserDetailsManager users;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AuthenticationConfiguration authenticationConfiguration;

	@BeforeEach
	void noFailuresYet() {
		new TestAccounts(users, passwords, jdbc).reset();
		clock.set(Instant.parse("2027-01-05T09:00:00Z"));
	}

	@Test
	void fiveWrongPasswordsOnTheLoginFormLockTheAccountForFifteenMinutes() {
		for (int i = 0; i < 5; i++) {
			assertThat(formLogin("wrong-password-" + i)).hasRedirectedUrl("/login?error");
		}

		assertThat(formLogin(TestAccounts.PASSWORD)).hasRedirectedUrl("/login?error");
		clock.advance(Duration.ofMinutes(15).minusSeconds(1));
		assertThat(formLogin(TestAccounts.PASSWORD)).hasRedirectedUrl("/login?error");
		clock.advance(Duration.ofSeconds(1));
		assertThat(formLogin(TestAccounts.PASSWORD)).hasRedirectedUrl("/");
	}

	@Test
	void fiveWrongPasswordsOverHttpBasicLockTheAccountForFifteenMinutes() {
		for (int i = 0; i < 5; i++) {
			assertThat(basic("wrong-password-" + i)).hasStatus(HttpStatus.UNAUTHORIZED);
		}

		assertThat(basic(TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
		clock.advance(Duration.ofMinutes(15));
		assertThat(basic(TestAccounts.PASSWORD)).hasStatusOk();
	}

	@Test
	void failuresOnTheFormAndOverTheApiCountTogether() {
		for (int i = 0; i < 3; i++) {
			formLogin("wrong-password-" + i);
		}
		basic("wrong-again-1");
		basic("wrong-again-2");

		assertThat(basic(TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(formLogin(TestAccounts.PASSWORD)).hasRedirectedUrl("/login?error");
	}

	@Test
	void aSuccessfulLoginStartsTheCountAgain() {
		for (int i = 0; i < 4; i++) {
			formLogin("wrong-password-" + i);
		}
		assertThat(formLogin(TestAccounts.PASSWORD)).hasRedirectedUrl("/");
		for (int i = 0; i < 4; i++) {
			basic("wrong-password-" + i);
		}

		assertThat(basic(TestAccounts.PASSWORD)).hasStatusOk();
	}

	@Test
	void onlyFailuresWithinTheLastFifteenMinutesCount() {
		for (int i = 0; i < 3; i++) {
			basic("wrong-password-" + i);
		}
		clock.advance(Duration.ofMinutes(10));
		basic("wrong-password-3");
		clock.advance(Duration.ofMinutes(6));
		// The first three are 16 minutes old now: 2 failures in the window, not 5.
		basic("wrong-password-4");
		assertThat(basic(TestAccounts.PASSWORD)).hasStatusOk();

		for (int i = 0; i < 4; i++) {
			basic("wrong-password-" + i);
			clock.advance(Duration.ofMinutes(3));
		}
		basic("wrong-password-4");
		// 5 failures within 12 minutes.
		assertThat(basic(TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void springSecuritysOwnAuthenticationManagerHonoursTheLockToo() throws Exception {
		for (int i = 0; i < 5; i++) {
			basic("wrong-password-" + i);
		}

		AuthenticationManager global = authenticationConfiguration.getAuthenticationManager();
		assertThatExceptionOfType(LockedException.class).isThrownBy(() -> global
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(USER, TestAccounts.PASSWORD)));
	}

	@Test
	void guessingUnknownUsernamesStoresNothing() {
		for (int i = 0; i < 7; i++) {
			assertThat(mvc.get().uri("/api/helplines").with(httpBasic("nobody-" + (i % 2), "guess-" + i)))
				.hasStatus(HttpStatus.UNAUTHORIZED);
			formLogin("nobody-" + (i % 2), "guess-" + i);
		}

		assertThat(jdbc.sql("select count(*) from login_failure").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from account_lock").query(Integer.class).single()).isZero();
	}

	@Test
	void aLockedAccountIsShownLockedAndAnAdministratorCanLiftTheLock() {
		for (int i = 0; i < 5; i++) {
			basic("wrong-password-" + i);
		}
		assertThat(mvc.get().uri("/api/accounts/" + USER).with(httpBasic("operator", "local-dev-only"))).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.locked", v -> v.assertThat().isEqualTo(true));

		assertThat(mvc.post().uri("/api/accounts/" + USER + "/unlock").with(httpBasic("operator", "local-dev-only")))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.locked", v -> v.assertThat().isEqualTo(false));
		assertThat(basic(TestAccounts.PASSWORD)).hasStatusOk();
	}

	private MvcTestResult formLogin(String password) {
		return formLogin(USER, password);
	}

	private MvcTestResult formLogin(String username, String password) {
		MvcTestResult result = TestAccounts.formLogin(mvc, username, password);
		assertThat(result).hasStatus(HttpStatus.FOUND);
		return result;
	}

	private MvcTestResult basic(String password) {
		return mvc.get().uri("/api/helplines").with(httpBasic(USER, password)).exchange();
	}

}
