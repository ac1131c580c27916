package org.helpline.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Guessing passwords, on pages and the API alike. 10 wrong ones from one address within 15
 * minutes refuse that address's logins for 15 minutes, whatever the account; an account is
 * locked for everyone only after 50 within 15 minutes, which one address cannot send. So
 * nobody locks the real user out from somewhere else with one machine. Every test uses
 * addresses of its own: the throttle remembers addresses for the whole application context.
 */
@AutoConfigureMockMvc
class LockoutTest extends IntegrationTest {

	private static final String USER = TestAccounts.OPERATOR;

	private static final AtomicInteger NEXT_NETWORK = new AtomicInteger(1);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcUserDetailsManager users;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AuthenticationConfiguration authenticationConfiguration;

	@Autowired
	Lockout lockout;

	/** 10.<network>.0.<n>: addresses no other test used. */
	private int network;

	@BeforeEach
	void noFailuresYet() {
		new TestAccounts(users, passwords, jdbc).reset();
		clock.set(Instant.parse("2027-01-05T09:00:00Z"));
		network = NEXT_NETWORK.getAndIncrement();
	}

	@Test
	void tenWrongPasswordsOnTheLoginFormRefuseThatAddressForFifteenMinutes() {
		for (int i = 0; i < 10; i++) {
			assertThat(formLogin(1, "wrong-password-" + i)).hasRedirectedUrl("/login?error");
		}

		assertThat(formLogin(1, TestAccounts.PASSWORD)).hasRedirectedUrl("/login?error");
		clock.advance(Duration.ofMinutes(15).minusSeconds(1));
		assertThat(formLogin(1, TestAccounts.PASSWORD)).hasRedirectedUrl("/login?error");
		clock.advance(Duration.ofSeconds(1));
		assertThat(formLogin(1, TestAccounts.PASSWORD)).hasRedirectedUrl("/");
	}

	@Test
	void tenWrongPasswordsOverHttpBasicRefuseThatAddressForFifteenMinutes() {
		for (int i = 0; i < 10; i++) {
			assertThat(basic(1, "wrong-password-" + i)).hasStatus(HttpStatus.UNAUTHORIZED);
		}

		assertThat(basic(1, TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
		clock.advance(Duration.ofMinutes(15));
		assertThat(basic(1, TestAccounts.PASSWORD)).hasStatusOk();
	}

	@Test
	void anAttackerGuessingFromOneAddressDoesNotLockTheRealUserOut() {
		// Twice as many as throttle the attacker's address: the later ones are refused unchecked.
		for (int i = 0; i < 20; i++) {
			formLogin(1, "wrong-password-" + i);
			basic(1, "wrong-again-" + i);
		}

		assertThat(formLogin(2, TestAccounts.PASSWORD)).hasRedirectedUrl("/");
		assertThat(basic(2, TestAccounts.PASSWORD)).hasStatusOk();
		assertThat(basic(1, TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aThrottledAddressIsRefusedForEveryAccount() {
		for (int i = 0; i < 10; i++) {
			basic(1, "wrong-password-" + i);
		}

		assertThat(mvc.get().uri("/api/reports/2026").with(httpBasic(TestAccounts.ANALYST, TestAccounts.PASSWORD))
			.with(from(1))).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void failuresOnTheFormAndOverTheApiCountTogether() {
		for (int i = 0; i < 6; i++) {
			formLogin(1, "wrong-password-" + i);
		}
		for (int i = 0; i < 4; i++) {
			basic(1, "wrong-again-" + i);
		}

		assertThat(basic(1, TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(formLogin(1, TestAccounts.PASSWORD)).hasRedirectedUrl("/login?error");
	}

	@Test
	void onlyFailuresWithinTheLastFifteenMinutesCount() {
		for (int i = 0; i < 8; i++) {
			basic(1, "wrong-password-" + i);
		}
		clock.advance(Duration.ofMinutes(10));
		basic(1, "wrong-password-8");
		clock.advance(Duration.ofMinutes(6));
		// The first eight are 16 minutes old now: 2 failures in the window, not 10.
		basic(1, "wrong-password-9");
		assertThat(basic(1, TestAccounts.PASSWORD)).hasStatusOk();

		for (int i = 0; i < 9; i++) {
			basic(1, "wrong-password-" + i);
			clock.advance(Duration.ofMinutes(1));
		}
		// 10 failures within 10 minutes, 2 of them from before.
		assertThat(basic(1, TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void fiftyWrongPasswordsFromManyAddressesLockTheAccountForEveryone() {
		for (int address = 1; address <= 5; address++) {
			for (int i = 0; i < 10; i++) {
				basic(address, "wrong-password-" + i);
			}
		}

		assertThat(basic(6, TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(formLogin(7, TestAccounts.PASSWORD)).hasRedirectedUrl("/login?error");
		clock.advance(Duration.ofMinutes(15));
		assertThat(basic(6, TestAccounts.PASSWORD)).hasStatusOk();
	}

	@Test
	void aSuccessfulLoginStartsTheAccountsCountAgain() {
		for (int i = 0; i < 49; i++) {
			lockout.failed(USER);
		}
		assertThat(basic(1, TestAccounts.PASSWORD)).hasStatusOk();
		for (int i = 0; i < 49; i++) {
			lockout.failed(USER);
		}

		assertThat(basic(1, TestAccounts.PASSWORD)).hasStatusOk();
	}

	@Test
	void springSecuritysOwnAuthenticationManagerHonoursTheLockToo() throws Exception {
		for (int i = 0; i < 50; i++) {
			lockout.failed(USER);
		}

		AuthenticationManager global = authenticationConfiguration.getAuthenticationManager();
		assertThatExceptionOfType(LockedException.class).isThrownBy(() -> global
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(USER, TestAccounts.PASSWORD)));
	}

	@Test
	void guessingUnknownUsernamesStoresNothing() {
		for (int i = 0; i < 7; i++) {
			assertThat(mvc.get().uri("/api/helplines").with(httpBasic("nobody-" + (i % 2), "guess-" + i)).with(from(i)))
				.hasStatus(HttpStatus.UNAUTHORIZED);
			formLogin(i, "nobody-" + (i % 2), "guess-" + i);
		}

		assertThat(jdbc.sql("select count(*) from login_failure").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from account_lock").query(Integer.class).single()).isZero();
	}

	@Test
	void guessingUnknownUsernamesThrottlesTheAddressToo() {
		for (int i = 0; i < 10; i++) {
			formLogin(1, "nobody-" + i, "guess-" + i);
		}

		assertThat(formLogin(1, TestAccounts.PASSWORD)).hasRedirectedUrl("/login?error");
	}

	@Test
	void aLockedAccountIsShownLockedAndAnAdministratorCanLiftTheLock() {
		for (int i = 0; i < 50; i++) {
			lockout.failed(USER);
		}
		assertThat(mvc.get().uri("/api/accounts/" + USER).with(httpBasic("operator", "local-dev-only"))).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.locked", v -> v.assertThat().isEqualTo(true));

		assertThat(mvc.post().uri("/api/accounts/" + USER + "/unlock").with(httpBasic("operator", "local-dev-only")))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.locked", v -> v.assertThat().isEqualTo(false));
		assertThat(basic(1, TestAccounts.PASSWORD)).hasStatusOk();
	}

	private MvcTestResult formLogin(int address, String password) {
		return formLogin(address, USER, password);
	}

	private MvcTestResult formLogin(int address, String username, String password) {
		MvcTestResult result = mvc.post().uri("/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(address))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		return result;
	}

	private MvcTestResult basic(int address, String password) {
		return mvc.get().uri("/api/helplines").with(httpBasic(USER, password)).with(from(address)).exchange();
	}

	private RequestPostProcessor from(int address) {
		return request -> {
			request.setRemoteAddr("10." + network + ".0." + address);
			return request;
		};
	}

}
