package org.helpline.web;

import java.util.Locale;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** A counsellor and an analyst next to the first operator, for tests of who may do what. */
final class ApiUsers {

	private ApiUsers() {
	}

	static void ensure(JdbcUserDetailsManager accounts, PasswordEncoder passwords) {
		for (String role : new String[] { "COUNSELLOR", "ANALYST" }) {
			String name = role.toLowerCase(Locale.ROOT);
			if (!accounts.userExists(name)) {
				accounts.createUser(User.withUsername(name).password(passwords.encode(name + "-pw")).roles(role).build());
			}
		}
	}

	static RequestPostProcessor counsellor() {
		return httpBasic("counsellor", "counsellor-pw");
	}

	static RequestPostProcessor analyst() {
		return httpBasic("analyst", "analyst-pw");
	}

	static RequestPostProcessor operator() {
		return httpBasic("operator", "local-dev-only");
	}

}
