package org.helpline.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.helpline.caller.CallerGroup;
import org.helpline.contact.ContactOption.Kind;
import org.helpline.contact.HelplinePlaces.Place;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.NotFoundException;
import org.helpline.helplines.ProblemCode;
import org.helpline.privacy.CallerIdentity;
import org.helpline.privacy.CallerIdentity.KeyMissing;
import org.helpline.privacy.CallerIdentity.Pseudonymous;
import org.helpline.privacy.CallerNumber;
import org.helpline.privacy.DurationBuckets;
import org.helpline.privacy.Pseudonym;
import org.helpline.privacy.Pseudonyms;
import org.helpline.privacy.StartTimes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The anonymised record of every contact: calls (written when they end, whatever their end),
 * e-mails and chats counsellors register, and the counsellor's wrap-up of each. What is
 * stored is coarsened and pseudonymised here; nothing that identifies a caller passes on.
 */
@Service
public class ContactRecords {

	private static final Logger log = LoggerFactory.getLogger(ContactRecords.class);

	private static final int MAX_PERSON_KEY = 100;

	private final ContactRepository repository;

	private final HelplinePlaces places;

	private final Pseudonyms pseudonyms;

	private final StartTimes startTimes;

	private final DurationBuckets buckets;

	private final ContactOptions options;

	private final StatisticsProperties properties;

	private final Clock clock;

	private final CallCounts counts;

	private final ApplicationEventPublisher events;

	ContactRecords(ContactRepository repository, HelplinePlaces places, Pseudonyms pseudonyms, StartTimes startTimes,
			DurationBuckets buckets, ContactOptions options, StatisticsProperties properties, Clock clock,
			CallCounts counts, ApplicationEventPublisher events) {
		this.counts = counts;
		this.events = events;
		this.repository = repository;
		this.places = places;
		this.pseudonyms = pseudonyms;
		this.startTimes = startTimes;
		this.buckets = buckets;
		this.options = options;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Writes the one anonymised record of a call. Odd values are left out (and logged, without
	 * any number) rather than refused, so a call is never lost: a missing start becomes now,
	 * a negative duration unknown, a missing outcome {@code TECHNICAL_FAILURE}, and a number
	 * that is no number counts as withheld. Durations are kept in buckets
	 * ({@code helpline.privacy.duration-resolution}); whether the call was answered within the
	 * service level is decided on the exact wait first.
	 * Announces the record as {@link CallRecorded}.
	 * @return the record's id, which the counsellor's wrap-up refers to
	 * @throws org.springframework.dao.DataAccessException only if the database cannot be reached
	 */
	public long recordCall(CompletedCall call) {
		Place place = places.of(call.helplineId());
		Instant startedAt = call.startedAt();
		if (startedAt == null) {
			odd(call, "startedAt", "missing; the time it was recorded is used");
			startedAt = clock.instant();
		}
		LocalDateTime start = startTimes.coarsen(startedAt, place.zone());
		CallerNumber caller = call.caller() == null ? CallerNumber.withheld() : call.caller();
		CallerIdentity identity = pseudonyms.identify(caller, place.country(), start.getYear());
		if (identity instanceof KeyMissing missing) {
			log.error("No pseudonym key for {}: a call on helpline {} is recorded without its person (see README,"
					+ " 'Pseudonym keys')", missing.year(), call.helplineId());
		}
		CallOutcome outcome = call.outcome();
		if (outcome == null) {
			odd(call, "outcome", "missing; recorded as TECHNICAL_FAILURE");
			outcome = CallOutcome.TECHNICAL_FAILURE;
		}
		Channel channel = Channel.parse(call.channel()).orElse(Channel.PHONE);
		Pseudonym pseudonym = identity instanceof Pseudonymous known ? known.pseudonym() : null;
		Integer waiting = seconds(call, "waiting", call.waiting());
		Integer ringing = seconds(call, "ringing", call.ringing());
		Integer talk = seconds(call, "talk", call.talk());
		// The one thing the statistics need of the exact wait, kept before the wait is coarsened.
		Integer target = outcome == CallOutcome.ANSWERED && waiting != null ? properties.serviceLevelSeconds() : null;
		long id = repository.insert(new NewRecord(call.helplineId(), channel, "call", start, hourOfWeek(start),
				callerGroup(call), language(call), bucket(waiting), bucket(ringing), bucket(talk),
				waiting == null && ringing == null && talk == null ? null : buckets.seconds(),
				target == null || waiting == null ? null : waiting <= target, target, call.counsellorId(), outcome,
				outcome == CallOutcome.ANSWERED, identity instanceof CallerIdentity.Withheld, pseudonym, null, null,
				false, List.of()));
		// Counted once written: a write the database refused is bookkeeping's failure, not a call.
		counts.ended(place.name(), outcome, target != null && waiting != null && waiting <= target);
		events.publishEvent(new CallRecorded(id, call.counsellorId()));
		return id;
	}

	private @Nullable Integer bucket(@Nullable Integer seconds) {
		return seconds == null ? null : buckets.bucket(seconds);
	}

	/**
	 * How often this caller already called (or wrote to) the helpline this year, for the
	 * pseudonymous tag a counsellor sees ("3rd call this year"). Empty when the caller is
	 * withheld or their pseudonym cannot be made; never anything that identifies them.
	 */
	public OptionalInt earlierCallsThisYear(long helplineId, CallerNumber caller, Instant at) {
		Place place = places.of(helplineId);
		int year = startTimes.coarsen(at, place.zone()).getYear();
		if (pseudonyms.identify(caller, place.country(), year) instanceof Pseudonymous known) {
			return OptionalInt.of(repository.recordsOf(helplineId, known.pseudonym(), year));
		}
		return OptionalInt.empty();
	}

	/**
	 * Registers a contact moment that did not come by phone (e-mail, chat), with its wrap-up.
	 * @param counsellorId who registers it, so they can open it again; null for an operator
	 * @throws ChangeRefusedException naming every bad field; nothing is stored then
	 */
	@Transactional
	public ContactView register(RegisteredContact contact, @Nullable Long counsellorId) {
		List<FieldProblem> problems = new ArrayList<>();
		if (contact == null) {
			throw new ChangeRefusedException("body", "a request body is required");
		}
		Place place = null;
		if (contact.helplineId() == null) {
			problems.add(FieldProblem.of(ProblemCode.CONTACT_HELPLINE_REQUIRED, "helplineId"));
		}
		else {
			place = places.of(contact.helplineId());
			if (place.country() == null) {
				problems.add(FieldProblem.of(ProblemCode.CONTACT_HELPLINE_UNKNOWN, "helplineId", contact.helplineId()));
			}
		}
		Optional<Channel> channel = Channel.parse(contact.channel()).filter(c -> c != Channel.PHONE);
		if (channel.isEmpty()) {
			problems.add(FieldProblem.of(ProblemCode.CONTACT_CHANNEL_INVALID, "channel", contact.channel()));
		}
		if (contact.date() == null) {
			problems.add(FieldProblem.of(ProblemCode.CONTACT_DATE_REQUIRED, "date"));
		}
		else if (place != null && place.country() != null) {
			dateProblem(contact.date(), LocalDate.ofInstant(clock.instant(), place.zone()))
				.ifPresent(problems::add);
		}
		String group = knownGroup(contact.callerGroup(), problems);
		String language = null;
		if (contact.language() != null && !contact.language().isBlank()) {
			language = contact.language().strip().toLowerCase(Locale.ROOT);
			if (!language.equals("nl") && !language.equals("en")) {
				problems.add(FieldProblem.of(ProblemCode.CONTACT_LANGUAGE_INVALID, "language", contact.language()));
			}
		}
		String personKey = contact.personKey() == null || contact.personKey().isBlank() ? null
				: contact.personKey().strip();
		if (personKey != null && personKey.length() > MAX_PERSON_KEY) {
			problems.add(FieldProblem.of(ProblemCode.CONTACT_PERSON_KEY_TOO_LONG, "personKey", MAX_PERSON_KEY));
		}
		if (personKey != null && contact.returningCaller() != null) {
			problems.add(FieldProblem.of(ProblemCode.CONTACT_RETURNING_WITH_PERSON_KEY, "returningCaller"));
		}
		List<String> topics = activeCodes(Kind.TOPIC, contact.topics(), "topics", problems);
		String referral = contact.referral() == null || contact.referral().isBlank() ? null
				: activeCodes(Kind.REFERRAL, List.of(contact.referral()), "referral", problems).stream()
					.findFirst()
					.orElse(null);
		Pseudonym pseudonym = null;
		if (problems.isEmpty() && personKey != null && contact.date() != null) {
			pseudonym = pseudonyms.ofPersonKey(personKey, contact.date().getYear()).orElse(null);
			if (pseudonym == null) {
				problems.add(FieldProblem.of(ProblemCode.CONTACT_PERSON_KEY_NO_PSEUDONYM, "personKey",
						contact.date().getYear()));
			}
		}
		if (!problems.isEmpty()) {
			throw new ChangeRefusedException(problems);
		}
		// Without problems both were given.
		long helplineId = Objects.requireNonNull(contact.helplineId(), "helplineId");
		LocalDate date = Objects.requireNonNull(contact.date(), "date");
		long id = repository.insert(new NewRecord(helplineId, channel.get(), "registered", date.atStartOfDay(), null,
				group, language, null, null, null, counsellorId, null, true,
				pseudonym == null, pseudonym, contact.returningCaller(), referral, true, topics));
		return get(id);
	}

	/**
	 * Records (or replaces) the counsellor's wrap-up of a contact moment.
	 * @throws NotFoundException if there is no such contact
	 * @throws ChangeRefusedException naming every bad field; nothing is changed then
	 */
	@Transactional
	public ContactView wrapUp(long id, WrapUp wrapUp) {
		ContactView contact = get(id);
		if (wrapUp == null) {
			throw new ChangeRefusedException("body", "a request body is required");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (!contact.contactMoment()) {
			problems.add(FieldProblem.of(ProblemCode.CONTACT_WRAP_UP_UNANSWERED, "id", id, contact.outcome()));
		}
		if (wrapUp.returningCaller() != null && contact.identified()) {
			problems.add(FieldProblem.of(ProblemCode.CONTACT_RETURNING_RECOGNISED, "returningCaller"));
		}
		List<String> topics = activeCodes(Kind.TOPIC, wrapUp.topics(), "topics", problems);
		String referral = wrapUp.referral() == null || wrapUp.referral().isBlank() ? null
				: activeCodes(Kind.REFERRAL, List.of(wrapUp.referral()), "referral", problems).stream()
					.findFirst()
					.orElse(null);
		String group = knownGroup(wrapUp.callerGroup(), problems);
		if (!problems.isEmpty()) {
			throw new ChangeRefusedException(problems);
		}
		repository.wrapUp(contact, topics, referral, wrapUp.returningCaller(), group);
		return get(id);
	}

	@Transactional(readOnly = true)
	public ContactView get(long id) {
		return repository.find(id).orElseThrow(() -> new NotFoundException("contact " + id + " does not exist"));
	}

	/** Why a contact cannot be dated on this day, if it cannot. */
	Optional<FieldProblem> dateProblem(LocalDate date, LocalDate today) {
		if (date.isAfter(today)) {
			return Optional.of(FieldProblem.of(ProblemCode.CONTACT_DATE_FUTURE, "date", date));
		}
		if (date.getYear() < 1990) {
			return Optional.of(FieldProblem.of(ProblemCode.CONTACT_DATE_BEFORE_1990, "date", date));
		}
		if (repository.reducedYears().contains(date.getYear())) {
			return Optional.of(FieldProblem.of(ProblemCode.CONTACT_DATE_REDUCED, "date", date.getYear()));
		}
		return Optional.empty();
	}

	/** A caller group from the configured list, or null when none was given. */
	@Nullable String knownGroup(@Nullable String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String code = CallerGroup.parse(text).map(CallerGroup::code).orElse(null);
		if (code == null || !properties.callerGroups().contains(code)) {
			problems.add(FieldProblem.of(ProblemCode.CONTACT_CALLER_GROUP_INVALID, "callerGroup",
					properties.callerGroups(), text));
			return null;
		}
		return code;
	}

	private List<String> activeCodes(Kind kind, List<String> codes, String field, List<FieldProblem> problems) {
		if (codes == null || codes.isEmpty()) {
			return List.of();
		}
		Map<String, ContactOption> known = options.byCode(kind);
		LinkedHashSet<String> accepted = new LinkedHashSet<>();
		for (String code : codes) {
			ContactOption option = code == null ? null : known.get(code.strip().toUpperCase(Locale.ROOT));
			if (option == null || !option.active()) {
				problems.add(FieldProblem.of(ProblemCode.CONTACT_OPTION_INACTIVE, field, code, kind.table()));
			}
			else {
				accepted.add(option.code());
			}
		}
		return List.copyOf(accepted);
	}

	private @Nullable Integer hourOfWeek(LocalDateTime start) {
		if (!startTimes.keepsTheHour()) {
			return null;
		}
		return (start.getDayOfWeek().getValue() - 1) * 24 + start.getHour();
	}

	private static @Nullable String callerGroup(CompletedCall call) {
		if (call.callerGroup() == null || call.callerGroup().isBlank()) {
			return null;
		}
		Optional<CallerGroup> group = CallerGroup.parse(call.callerGroup());
		if (group.isEmpty()) {
			odd(call, "callerGroup", "not a code; left out");
			return null;
		}
		return group.get().code();
	}

	private static @Nullable String language(CompletedCall call) {
		if (call.language() == null) {
			return null;
		}
		String language = call.language().strip().toLowerCase(Locale.ROOT);
		if (!language.equals("nl") && !language.equals("en")) {
			odd(call, "language", "not nl or en; left out");
			return null;
		}
		return language;
	}

	private static @Nullable Integer seconds(CompletedCall call, String field, @Nullable Duration duration) {
		if (duration == null) {
			return null;
		}
		if (duration.isNegative()) {
			odd(call, field, "negative; left out");
			return null;
		}
		return (int) Math.min(Integer.MAX_VALUE, (duration.toMillis() + 500) / 1000);
	}

	// The call's toString() shows no number (CallerNumber hides it).
	private static void odd(CompletedCall call, String field, String what) {
		log.warn("Call on helpline {}: {} {}", call.helplineId(), field, what);
	}

}
