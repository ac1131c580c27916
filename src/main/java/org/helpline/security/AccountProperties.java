package org.helpline.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param firstAdmin the account created when nobody can log in yet; its password comes from
 * the environment ({@code HELPLINE_ADMIN_PASSWORD}) and has a local default that the
 * {@code prod} profile refuses
 * @param lockout when failed logins lock an account
 */
@ConfigurationProperties("helpline.security")
record AccountProperties(FirstAdmin firstAdmin, @DefaultValue Lockout lockout) {

	record FirstAdmin(@DefaultValue("operator") String username, String password) {
	}

	/**
	 * @param maxFailures failed logins within {@code window} that lock the account
	 * @param duration how long a lock lasts; an administrator can lift it sooner
	 */
	record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration duration) {
	}

}
