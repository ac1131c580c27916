package org.helpline.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Creates the configured first administrator while no enabled administrator exists, so a
 * fresh installation can be set up; once anyone administers the service, deleting that first
 * account is final. Its password is the configured one, whatever its length: the {@code prod} profile checks it
 * before the service starts (LocalDefaultSecrets), and locally it is the well-known default.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final JdbcUserDetailsManager accounts;

	private final PasswordEncoder passwords;

	private final AccountProperties properties;

	private final JdbcClient jdbc;

	FirstAdmin(JdbcUserDetailsManager accounts, PasswordEncoder passwords, AccountProperties properties,
			JdbcClient jdbc) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.properties = properties;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		AccountProperties.FirstAdmin first = properties.firstAdmin();
		if (first == null || first.password() == null || first.password().isBlank() || anEnabledAdminExists()) {
			return;
		}
		if (accounts.userExists(first.username())) {
			// Disabled or demoted on purpose, perhaps: an administrator decides, not a restart.
			log.warn("No enabled administrator exists, and account '{}' exists without being one", first.username());
			return;
		}
		accounts.createUser(User.withUsername(first.username())
			.password(passwords.encode(first.password()))
			.roles(SecurityConfiguration.ADMIN, SecurityConfiguration.OPERATOR)
			.build());
		log.info("Created the first administrator account '{}'", first.username());
	}

	private boolean anEnabledAdminExists() {
		return jdbc.sql("""
				select count(*) from users u join authorities a on a.username = u.username
				where a.authority = ? and u.enabled""")
			.param("ROLE_" + SecurityConfiguration.ADMIN)
			.query(Integer.class)
			.single() > 0;
	}

}
