package org.helpline.counsellors;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.helpline.audit.AuditTrail;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.NotFoundException;
import org.helpline.helplines.ProblemCode;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counsellors operators configure: how they are reached, what they take, which login acts
 * as them. Every change is validated whole; a counsellor's state is {@link Presence}'s.
 */
@Service
public class Counsellors {

	private static final String SUBJECT = "counsellor";

	private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");

	private final CounsellorStore store;

	private final AuditTrail audit;

	private final Clock clock;

	Counsellors(CounsellorStore store, AuditTrail audit, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Counsellor> all() {
		return store.findAll();
	}

	public Counsellor get(long id) {
		return store.findCounsellor(id)
			.orElseThrow(() -> new NotFoundException("counsellor " + id + " does not exist"));
	}

	/** A new counsellor starts signed out. */
	@Transactional
	public Counsellor create(CounsellorSettings settings) {
		CounsellorSettings valid = validate(settings, null);
		Counsellor created = get(store.insert(valid, clock.instant()));
		audit.record(SUBJECT, created.id(), "create", null, created);
		return created;
	}

	@Transactional
	public Counsellor update(long id, CounsellorSettings settings) {
		Counsellor current = get(id);
		CounsellorSettings valid = validate(settings, id);
		boolean newPhone = !Objects.equals(current.endpoint(), valid.endpoint())
				|| !Objects.equals(current.externalNumber(), valid.externalNumber());
		store.update(id, valid, newPhone);
		Counsellor after = get(id);
		audit.record(SUBJECT, id, "update", current, after);
		return after;
	}

	/**
	 * Makes the account act as this counsellor and as no other; {@code null} links it to none.
	 * With a counsellor's own settings, the only writer of the account-counsellor link.
	 */
	@Transactional
	public void link(String username, @Nullable Long counsellorId) {
		store.link(username, counsellorId);
	}

	/** The counsellor each linked account acts as. */
	public Map<String, Long> linkedAccounts() {
		return store.linkedAccounts();
	}

	/** Refused while the counsellor's phone rings for a call or they are on one. */
	@Transactional
	public void delete(long id) {
		CounsellorRow row = store.find(id)
			.orElseThrow(() -> new NotFoundException("counsellor " + id + " does not exist"));
		if (row.state() == CounsellorState.RINGING || row.state() == CounsellorState.ON_CALL) {
			throw new StateConflictException("counsellor " + id + " is " + row.state() + "; remove them after the call");
		}
		Counsellor before = get(id);
		store.delete(id);
		audit.record(SUBJECT, id, "delete", before, null);
	}

	private CounsellorSettings validate(CounsellorSettings s, @Nullable Long ownId) {
		if (s == null) {
			throw new ChangeRefusedException(List.of(new FieldProblem("body", "a request body is required")));
		}
		List<FieldProblem> problems = new ArrayList<>();
		String name = blankToNull(s.displayName());
		String endpoint = blankToNull(s.endpoint());
		String external = blankToNull(s.externalNumber());
		String username = blankToNull(s.username());
		if (name == null || name.length() > 100) {
			problems.add(FieldProblem.of(ProblemCode.COUNSELLOR_NAME_REQUIRED, "displayName"));
		}
		if ((endpoint == null) == (external == null)) {
			problems.add((endpoint == null) ? FieldProblem.of(ProblemCode.COUNSELLOR_PHONE_NEITHER, "endpoint")
					: FieldProblem.of(ProblemCode.COUNSELLOR_PHONE_BOTH, "endpoint"));
		}
		if (endpoint != null && !ENDPOINT.matcher(endpoint).matches()) {
			problems.add(FieldProblem.of(ProblemCode.COUNSELLOR_ENDPOINT_INVALID, "endpoint", endpoint));
		}
		else if (endpoint != null) {
			store.idByEndpoint(endpoint).filter(other -> !other.equals(ownId)).ifPresent(other -> problems
				.add(FieldProblem.of(ProblemCode.COUNSELLOR_ENDPOINT_TAKEN, "endpoint", endpoint, other)));
		}
		if (external != null && !NUMBER.matcher(external).matches()) {
			problems.add(FieldProblem.of(ProblemCode.COUNSELLOR_EXTERNAL_NOT_DIGITS, "externalNumber", external));
		}
		if (username != null && !store.userExists(username)) {
			problems.add(FieldProblem.of(ProblemCode.COUNSELLOR_ACCOUNT_UNKNOWN, "username", username));
		}
		else if (username != null) {
			store.idByUsername(username).filter(other -> !other.equals(ownId)).ifPresent(other -> problems
				.add(FieldProblem.of(ProblemCode.COUNSELLOR_ACCOUNT_TAKEN, "username", username, other)));
		}
		Map<String, Integer> groups = levels(s.callerGroups(), "callerGroups", CallerGroup::parse, problems);
		Map<String, Integer> languages = levels(s.languages(), "languages", Language::parse, problems);
		if (!problems.isEmpty()) {
			throw new ChangeRefusedException(problems);
		}
		return new CounsellorSettings(Objects.requireNonNull(name).strip(), endpoint, external, username, groups, languages);
	}

	/** Levels by the names' one spelling ({@code self} and {@code SELF} are the same group). */
	private static Map<String, Integer> levels(Map<String, Integer> given, String field,
			Function<String, Optional<?>> names, List<FieldProblem> problems) {
		Map<String, Integer> levels = new LinkedHashMap<>();
		if (given == null) {
			return levels;
		}
		given.forEach((name, level) -> {
			Optional<?> parsed = names.apply(name);
			if (parsed.isEmpty()) {
				problems.add(FieldProblem.of(ProblemCode.COUNSELLOR_LEVEL_NAME_INVALID, field + "." + name, name));
			}
			else if (level == null || level < 1 || level > 3) {
				problems.add(FieldProblem.of(ProblemCode.COUNSELLOR_LEVEL_RANGE, field + "." + name));
			}
			else {
				levels.put(parsed.get().toString(), level);
			}
		});
		return levels;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
