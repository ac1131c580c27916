package org.helpline.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

/**
 * Refuses every login from an address that guessed too often, before its password is checked:
 * the right password answers the same as a wrong one there, and the refusal counts as no new
 * failure. Logins made without a web request (no address) go straight to the accounts.
 */
final class ThrottledLogins implements AuthenticationProvider {

	private final AuthenticationProvider accounts;

	private final AddressThrottle throttle;

	ThrottledLogins(AuthenticationProvider accounts, AddressThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication login) {
		String address = AddressThrottle.addressOf(login);
		if (address != null && throttle.isThrottled(address)) {
			throw new LockedException("Too many failed logins from this address");
		}
		return accounts.authenticate(login);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return accounts.supports(authentication);
	}

}
