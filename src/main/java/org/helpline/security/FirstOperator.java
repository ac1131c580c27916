package org.helpline.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/** Creates the configured first operator once, so a fresh installation can be configured. */
@Component
class FirstOperator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstOperator.class);

	private final JdbcUserDetailsManager accounts;

	private final PasswordEncoder passwords;

	private final AccountProperties properties;

	FirstOperator(JdbcUserDetailsManager accounts, PasswordEncoder passwords, AccountProperties properties) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		AccountProperties.FirstOperator first = properties.firstOperator();
		if (first == null || first.password() == null || first.password().isBlank()
				|| accounts.userExists(first.username())) {
			return;
		}
		accounts.createUser(User.withUsername(first.username())
			.password(passwords.encode(first.password()))
			.roles(SecurityConfiguration.OPERATOR, SecurityConfiguration.ADMIN)
			.build());
		log.info("Created the first operator account '{}'", first.username());
	}

}
