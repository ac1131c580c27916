package org.helpline.security;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** One plain account per role (no ADMIN among them), and logins through the real login form. */
final class TestAccounts {

	static final String COUNSELLOR = "counsellor-t";

	static final String OPERATOR = "operator-t";

	static final String ANALYST = "analyst-t";

	/** Made only by the tests that need it: walks over every handler skip no role then. */
	static final String METRICS = "metrics-t";

	static final String PASSWORD = "a-long-enough-password";

	private final JdbcUserDetailsManager users;

	private final PasswordEncoder passwords;

	private final JdbcClient jdbc;

	TestAccounts(JdbcUserDetailsManager users, PasswordEncoder passwords, JdbcClient jdbc) {
		this.users = users;
		this.passwords = passwords;
		this.jdbc = jdbc;
	}

	/** The three accounts exist, and no account has failed logins or a lock. */
	void reset() {
		create(COUNSELLOR, "COUNSELLOR");
		create(OPERATOR, "OPERATOR");
		create(ANALYST, "ANALYST");
		jdbc.sql("delete from login_failure").update();
		jdbc.sql("delete from account_lock").update();
	}

	void create(String username, String role) {
		if (!users.userExists(username)) {
			users.createUser(User.withUsername(username).password(passwords.encode(PASSWORD)).roles(role).build());
		}
	}

	static RequestPostProcessor basic(String username) {
		return httpBasic(username, PASSWORD);
	}

	MockHttpSession login(MockMvcTester mvc, String username) {
		return login(mvc, username, PASSWORD);
	}

	MockHttpSession login(MockMvcTester mvc, String username, String password) {
		MvcTestResult result = formLogin(mvc, username, password);
		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	static MvcTestResult formLogin(MockMvcTester mvc, String username, String password) {
		return mvc.post().uri("/login").param("username", username).param("password", password).with(csrf()).exchange();
	}

}
