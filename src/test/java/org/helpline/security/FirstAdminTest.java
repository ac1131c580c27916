package org.helpline.security;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured first administrator is for a fresh installation, not a way back in. */
class FirstAdminTest extends IntegrationTest {

	@Autowired
	FirstAdmin firstAdmin;

	@Autowired
	JdbcUserDetailsManager accounts;

	@Autowired
	PasswordEncoder passwords;

	@AfterEach
	void theFirstAdministratorAsOtherTestsExpectIt() {
		if (accounts.userExists("chief")) {
			accounts.deleteUser("chief");
		}
		firstAdmin.run(null);
	}

	@Test
	void aDeletedFirstAdministratorDoesNotComeBackAtTheNextStart() {
		accounts.createUser(User.withUsername("chief").password(passwords.encode("a-long-enough-password"))
			.roles(SecurityConfiguration.ADMIN).build());
		accounts.deleteUser("operator");

		firstAdmin.run(null);

		assertThat(accounts.userExists("operator")).isFalse();
	}

	@Test
	void theFirstAdministratorIsMadeWhenNoEnabledAdministratorExists() {
		accounts.deleteUser("operator");
		accounts.createUser(User.withUsername("chief").password(passwords.encode("a-long-enough-password"))
			.roles(SecurityConfiguration.ADMIN).disabled(true).build());

		firstAdmin.run(null);

		assertThat(accounts.userExists("operator")).isTrue();
	}

}
