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
	 * @param maxFailures failed logins of the account within {@code window}, from anywhere, that
	 * lock it for everyone: well above {@code perAddress.maxFailures}, so that one address
	 * cannot lock the real user out
	 * @param duration how long a lock lasts; an administrator can lift it sooner
	 * @param perAddress when failed logins from one client address refuse that address
	 */
	record Lockout(@DefaultValue("50") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration duration, @DefaultValue PerAddress perAddress) {
	}

	/**
	 * @param maxFailures failed logins from one address (any username) within {@code window}
	 * that refuse its logins for {@code duration}
	 * @param maxAddresses how many addresses are remembered at most
	 */
	record PerAddress(@DefaultValue("10") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration duration, @DefaultValue("10000") long maxAddresses) {
	}

}
