package org.helpline.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.helpline.audit.AuditTrail;
import org.helpline.counsellors.Counsellor;
import org.helpline.counsellors.Counsellors;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.NotFoundException;
import org.helpline.helplines.ProblemCode;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff accounts administrators manage: roles, enabled, the counsellor an account acts
 * as, passwords and locks. Every change is validated whole; the last enabled administrator
 * cannot be removed, disabled or demoted.
 */
@Service
public class Accounts {

	/** The roles an account can have. */
	private static final String SUBJECT = "account";

	public static final List<String> ROLES = List.of(SecurityConfiguration.COUNSELLOR, SecurityConfiguration.OPERATOR,
			SecurityConfiguration.ANALYST, SecurityConfiguration.ADMIN, SecurityConfiguration.METRICS);

	static final int MIN_PASSWORD_LENGTH = 12;

	// bcrypt reads no further than 72 bytes, and Spring's encoder refuses longer passwords.
	private static final int MAX_PASSWORD_BYTES = 72;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,49}");

	private static final String ROLE_PREFIX = "ROLE_";

	private final JdbcUserDetailsManager users;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Lockout lockout;

	private final Counsellors counsellors;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	Accounts(JdbcUserDetailsManager users, JdbcClient jdbc, PasswordEncoder passwords, Lockout lockout,
			Counsellors counsellors, ApplicationEventPublisher events, AuditTrail audit) {
		this.audit = audit;
		this.users = users;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.lockout = lockout;
		this.counsellors = counsellors;
		this.events = events;
	}

	public List<Account> all() {
		return read(null);
	}

	public Account get(String username) {
		return read(username).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("account '" + username + "' does not exist"));
	}

	/** @param counsellorId the counsellor this account acts as; may be null */
	@Transactional
	public Account create(String username, String password, List<String> roles,
			@Nullable Long counsellorId) {
		List<FieldProblem> problems = new ArrayList<>();
		if (username == null || !USERNAME.matcher(username).matches()) {
			problems.add(FieldProblem.of(ProblemCode.ACCOUNT_USERNAME_INVALID, "username"));
		}
		else if (users.userExists(username)) {
			problems.add(FieldProblem.of(ProblemCode.ACCOUNT_USERNAME_TAKEN, "username", username));
		}
		checkPassword("password", password, problems);
		List<String> valid = checkRoles(roles, problems);
		checkCounsellor(username, counsellorId, problems);
		refuseIfAny(problems);
		users.createUser(User.withUsername(username)
			.password(passwords.encode(password))
			.roles(valid.toArray(String[]::new))
			.build());
		counsellors.link(username, counsellorId);
		Account created = get(username);
		audit.record(SUBJECT, username, "create", null, created);
		return created;
	}

	@Transactional
	public Account update(String username, List<String> roles, Boolean enabled, @Nullable Long counsellorId) {
		Account current = get(username);
		List<FieldProblem> problems = new ArrayList<>();
		List<String> valid = checkRoles(roles, problems);
		if (enabled == null) {
			problems.add(FieldProblem.of(ProblemCode.ACCOUNT_ENABLED_REQUIRED, "enabled"));
		}
		checkCounsellor(username, counsellorId, problems);
		refuseIfAny(problems);
		if (isEnabledAdmin(current) && (!enabled || !valid.contains(SecurityConfiguration.ADMIN))) {
			requireAnotherAdmin(username);
		}
		users.updateUser(User.withUserDetails(users.loadUserByUsername(username))
			.roles(valid.toArray(String[]::new))
			.disabled(!enabled)
			.build());
		counsellors.link(username, counsellorId);
		if (!enabled || !valid.equals(current.roles())) {
			// A session keeps the roles it signed in with; it must not outlive them.
			events.publishEvent(new AccountRevoked(username));
		}
		Account after = get(username);
		audit.record(SUBJECT, username, "update", current, after);
		return after;
	}

	/** An administrator sets a new password, e.g. for someone who forgot theirs. */
	@Transactional
	public void resetPassword(String username, String password) {
		Account account = get(username);
		List<FieldProblem> problems = new ArrayList<>();
		checkPassword("password", password, problems);
		refuseIfAny(problems);
		setPassword(users.loadUserByUsername(username), password);
		// Whoever may have learnt the old password may be signed in with it.
		events.publishEvent(new AccountRevoked(username));
		audit.record(SUBJECT, username, "reset-password", account, account);
	}

	/**
	 * Someone changes their own password. A wrong current password counts as a failed login, so
	 * an unattended session cannot be used to guess it.
	 */
	@Transactional
	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		UserDetails account = users.loadUserByUsername(username);
		if (currentPassword == null || !passwords.matches(currentPassword, account.getPassword())) {
			lockout.failed(username);
			throw new ChangeRefusedException(
					List.of(FieldProblem.of(ProblemCode.ACCOUNT_CURRENT_PASSWORD_WRONG, "currentPassword")));
		}
		List<FieldProblem> problems = new ArrayList<>();
		checkPassword("newPassword", newPassword, problems);
		refuseIfAny(problems);
		setPassword(account, newPassword);
		Account changed = get(username);
		audit.record(SUBJECT, username, "change-password", changed, changed);
	}

	/** Lifts a lock from failed logins before it runs out. */
	@Transactional
	public void unlock(String username) {
		Account before = get(username);
		lockout.reset(username);
		audit.record(SUBJECT, username, "unlock", before, get(username));
	}

	/** The counsellor the account acted as stays, no longer linked to any account. */
	@Transactional
	public void delete(String username) {
		Account current = get(username);
		if (isEnabledAdmin(current)) {
			requireAnotherAdmin(username);
		}
		users.deleteUser(username);
		events.publishEvent(new AccountRevoked(username));
		audit.record(SUBJECT, username, "delete", current, null);
	}

	// JdbcUserDetailsManager.updatePassword does nothing unless password upgrades are enabled.
	private void setPassword(UserDetails account, String password) {
		users.updateUser(User.withUserDetails(account).password(passwords.encode(password)).build());
	}

	private List<Account> read(@Nullable String onlyUsername) {
		Map<String, Boolean> enabled = new LinkedHashMap<>();
		Map<String, List<String>> roles = new LinkedHashMap<>();
		jdbc.sql("""
				select u.username, u.enabled, a.authority from users u left join authorities a on a.username = u.username
				where cast(:username as varchar) is null or u.username = :username
				order by u.username""").param("username", onlyUsername).query(rs -> {
			String username = rs.getString("username");
			enabled.put(username, rs.getBoolean("enabled"));
			List<String> own = roles.computeIfAbsent(username, u -> new ArrayList<>());
			String authority = rs.getString("authority");
			if (authority != null && authority.startsWith(ROLE_PREFIX)) {
				own.add(authority.substring(ROLE_PREFIX.length()));
			}
		});
		if (enabled.isEmpty()) {
			return List.of();
		}
		Set<String> locked = lockout.locked();
		Map<String, Long> counsellorOf = counsellors.linkedAccounts();
		return enabled.entrySet().stream()
			.map(e -> new Account(e.getKey(), ordered(roles.getOrDefault(e.getKey(), List.of())), e.getValue(),
					locked.contains(e.getKey()), counsellorOf.get(e.getKey())))
			.toList();
	}

	private static List<String> ordered(List<String> roles) {
		return ROLES.stream().filter(roles::contains).toList();
	}

	private static boolean isEnabledAdmin(Account account) {
		return account.enabled() && account.roles().contains(SecurityConfiguration.ADMIN);
	}

	/** Locks every administrator's role first, so two removals at once cannot both pass. */
	private void requireAnotherAdmin(String username) {
		jdbc.sql("select username from authorities where authority = ? for update")
			.param(ROLE_PREFIX + SecurityConfiguration.ADMIN)
			.query(String.class)
			.list();
		int others = jdbc.sql("""
				select count(*) from users u join authorities a on a.username = u.username
				where a.authority = ? and u.enabled and u.username <> ?""")
			.param(ROLE_PREFIX + SecurityConfiguration.ADMIN)
			.param(username)
			.query(Integer.class)
			.single();
		if (others == 0) {
			throw new LastAdminException(username);
		}
	}

	private static void checkPassword(String field, String password, List<FieldProblem> problems) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
			problems.add(FieldProblem.of(ProblemCode.ACCOUNT_PASSWORD_TOO_SHORT, field, MIN_PASSWORD_LENGTH));
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			problems.add(FieldProblem.of(ProblemCode.ACCOUNT_PASSWORD_TOO_LONG, field, MAX_PASSWORD_BYTES));
		}
	}

	private static List<String> checkRoles(List<String> roles, List<FieldProblem> problems) {
		if (roles == null || roles.isEmpty()) {
			problems.add(FieldProblem.of(ProblemCode.ACCOUNT_ROLE_REQUIRED, "roles", ROLES));
			return List.of();
		}
		for (int i = 0; i < roles.size(); i++) {
			if (!ROLES.contains(roles.get(i))) {
				problems.add(FieldProblem.of(ProblemCode.ACCOUNT_ROLE_UNKNOWN, "roles[" + i + "]", roles.get(i),
						ROLES));
			}
		}
		return ROLES.stream().filter(roles::contains).toList();
	}

	private void checkCounsellor(String username, @Nullable Long counsellorId, List<FieldProblem> problems) {
		if (counsellorId == null) {
			return;
		}
		try {
			Counsellor counsellor = counsellors.get(counsellorId);
			if (counsellor.username() != null && !counsellor.username().equals(username)) {
				problems.add(FieldProblem.of(ProblemCode.ACCOUNT_COUNSELLOR_TAKEN, "counsellorId", counsellorId,
						counsellor.username()));
			}
		}
		catch (NotFoundException ex) {
			problems.add(FieldProblem.of(ProblemCode.ACCOUNT_COUNSELLOR_UNKNOWN, "counsellorId", counsellorId));
		}
	}

	private static void refuseIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new ChangeRefusedException(problems);
		}
	}

}
