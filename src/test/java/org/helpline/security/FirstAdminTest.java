package org.helpline.security;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured first administrator is made only while nobody can administer the service. */
class FirstAdminTest extends IntegrationTest {

	private static final String FIRST = "operator";

	private static final String OTHER_ADMIN = "first-admin-t";

	@Autowired
	FirstAdmin firstAdmin;

	@Autowired
	JdbcUserDetailsManager users;

	@Autowired
	PasswordEncoder passwords;

	@AfterEach
	void firstAdminBackAsTheOtherTestsKnowIt() {
		if (users.userExists(OTHER_ADMIN)) {
			users.deleteUser(OTHER_ADMIN);
		}
		if (!users.userExists(FIRST)) {
			users.createUser(User.withUsername(FIRST)
				.password(passwords.encode("local-dev-only"))
				.roles(SecurityConfiguration.ADMIN, SecurityConfiguration.OPERATOR)
				.build());
		}
	}

	@Test
	void aDeletedFirstAdministratorStaysDeletedWhileAnotherAdministratorExists() {
		users.createUser(User.withUsername(OTHER_ADMIN)
			.password(passwords.encode(TestAccounts.PASSWORD))
			.roles(SecurityConfiguration.ADMIN)
			.build());
		users.deleteUser(FIRST);

		firstAdmin.run(null);

		assertThat(users.userExists(FIRST)).isFalse();
	}

	@Test
	void theFirstAdministratorIsMadeWhenNoEnabledAdministratorExists() {
		// Another administrator, but disabled: nobody can administer.
		users.createUser(User.withUsername(OTHER_ADMIN)
			.password(passwords.encode(TestAccounts.PASSWORD))
			.roles(SecurityConfiguration.ADMIN)
			.disabled(true)
			.build());
		users.deleteUser(FIRST);

		firstAdmin.run(null);

		assertThat(users.loadUserByUsername(FIRST).getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_OPERATOR");
	}

}
