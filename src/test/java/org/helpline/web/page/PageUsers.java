package org.helpline.web.page;

import java.util.Map;

import org.helpline.counsellors.Counsellor;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.Counsellors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/** Logins for the page tests next to the first operator ({@code operator} / {@code local-dev-only}). */
final class PageUsers {

	static final String COUNSELLOR = "page-counsellor";

	static final String UNLINKED = "page-unlinked";

	static final String ANALYST = "page-analyst";

	static final String OPERATOR = "operator";

	static final String OPERATOR_PASSWORD = "local-dev-only";

	private PageUsers() {
	}

	static String password(String user) {
		return user.equals(OPERATOR) ? OPERATOR_PASSWORD : user + "-pw";
	}

	static void ensure(JdbcUserDetailsManager accounts, PasswordEncoder passwords) {
		create(accounts, passwords, COUNSELLOR, "COUNSELLOR");
		create(accounts, passwords, UNLINKED, "COUNSELLOR");
		create(accounts, passwords, ANALYST, "ANALYST");
	}

	/** No counsellors but one, Anna, linked to {@link #COUNSELLOR} and signed out. */
	static Counsellor onlyAnna(JdbcClient jdbc, Counsellors counsellors) {
		jdbc.sql("delete from counsellor").update();
		return counsellors.create(new CounsellorSettings("Anna", "page-phone-1", null, COUNSELLOR, Map.of(), Map.of()));
	}

	private static void create(JdbcUserDetailsManager accounts, PasswordEncoder passwords, String name, String role) {
		if (!accounts.userExists(name)) {
			accounts.createUser(User.withUsername(name).password(passwords.encode(password(name))).roles(role).build());
		}
	}

}
