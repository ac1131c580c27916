package org.helpline.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Creates the configured first administrator once, so a fresh installation can be set up.
 * Its password is the configured one, whatever its length: the {@code prod} profile checks it
 * before the service starts (LocalDefaultSecrets), and locally it is the well-known default.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final JdbcUserDetailsManager accounts;

	private final PasswordEncoder passwords;

	private final AccountProperties properties;

	FirstAdmin(JdbcUserDetailsManager accounts, PasswordEncoder passwords, AccountProperties properties) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		AccountProperties.FirstAdmin first = properties.firstAdmin();
		if (first == null || first.password() == null || first.password().isBlank()
				|| accounts.userExists(first.username())) {
			return;
		}
		accounts.createUser(User.withUsername(first.username())
			.password(passwords.encode(first.password()))
			.roles(SecurityConfiguration.ADMIN, SecurityConfiguration.OPERATOR)
			.build());
		log.info("Created the first administrator account '{}'", first.username());
	}

}
