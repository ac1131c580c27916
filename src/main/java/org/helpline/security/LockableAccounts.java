package org.helpline.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * The accounts as logins see them: a locked account is refused before its password is
 * checked, so a locked account answers the same to the right password as to a wrong one,
 * and attempts on it do not extend the lock.
 */
class LockableAccounts implements UserDetailsService {

	private final JdbcUserDetailsManager accounts;

	private final Lockout lockout;

	LockableAccounts(JdbcUserDetailsManager accounts, Lockout lockout) {
		this.accounts = accounts;
		this.lockout = lockout;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserDetails account = accounts.loadUserByUsername(username);
		return lockout.isLocked(account.getUsername()) ? User.withUserDetails(account).accountLocked(true).build()
				: account;
	}

}
