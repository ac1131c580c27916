package org.helpline.helplines;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.helpline.audit.AuditTrail;
import org.helpline.helplines.Helpline.Entry;
import org.helpline.schedule.Closure;
import org.helpline.schedule.HolidayPolicy;
import org.helpline.schedule.OpeningInterval;
import org.helpline.schedule.PublicHolidays;
import org.helpline.schedule.ScheduleValidator;
import org.helpline.schedule.SpecialOpening;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The helplines operators configure and calls are matched to. Every change is validated as a
 * whole before it is stored, so a running helpline is never left with an impossible schedule.
 * Lookups by dialled number are cached; a change empties the cache once it is committed.
 */
@Service
public class Helplines {

	private static final String SUBJECT = "helpline";

	private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{2,20}");

	private static final Pattern LANGUAGE = Pattern.compile("nl|en");

	private final HelplineRepository repository;

	private final PublicHolidays holidays;

	private final ScheduleValidator validator;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final LoadingCache<String, Optional<Helpline>> byNumber;

	Helplines(HelplineRepository repository, PublicHolidays holidays, ScheduleValidator validator,
			ApplicationEventPublisher events, AuditTrail audit, HelplineProperties properties) {
		this.repository = repository;
		this.audit = audit;
		this.holidays = holidays;
		this.validator = validator;
		this.events = events;
		this.byNumber = Caffeine.newBuilder()
			.expireAfterWrite(properties.cacheTtl())
			.maximumSize(10_000)
			.build(number -> repository.findIdByNumber(number).flatMap(repository::findById));
	}

	/** The helpline a call to this number reaches, if any; served from memory on the hot path. */
	public Optional<Helpline> byDialledNumber(String number) {
		return number == null ? Optional.empty() : byNumber.get(number);
	}

	@Transactional(readOnly = true)
	public List<Helpline> all() {
		return repository.findAll();
	}

	@Transactional(readOnly = true)
	public Helpline get(long id) {
		return repository.findById(id).orElseThrow(() -> new NotFoundException("helpline " + id + " does not exist"));
	}

	@Transactional
	public Helpline create(HelplineSettings settings) {
		Helpline candidate = fromSettings(0, settings, HolidayPolicy.DEFAULT, List.of(), List.of(), List.of());
		validate(candidate, settings, null);
		long id = repository.insert(candidate);
		return audited(id, "create", null);
	}

	@Transactional
	public Helpline update(long id, HelplineSettings settings) {
		Helpline current = get(id);
		Helpline candidate = fromSettings(id, settings, current.holidayPolicy(), current.openingHours(),
				current.closures(), current.specialOpenings());
		validate(candidate, settings, id);
		repository.update(id, candidate);
		return audited(id, "update", current);
	}

	@Transactional
	public void delete(long id) {
		Helpline before = get(id);
		if (!repository.delete(id)) {
			throw new NotFoundException("helpline " + id + " does not exist");
		}
		events.publishEvent(new HelplineChanged(id));
		audit.record(SUBJECT, id, "delete", before, null);
	}

	@Transactional
	public Helpline replaceOpeningHours(long id, List<OpeningInterval> intervals) {
		Helpline before = get(id);
		validateSchedule(before, h -> h.withOpeningHours(intervals));
		repository.replaceOpeningHours(id, intervals);
		return audited(id, "update-opening-hours", before);
	}

	@Transactional
	public Helpline changeHolidayPolicy(long id, HolidayPolicy policy) {
		Helpline current = get(id);
		Helpline candidate = validateSchedule(current, h -> h.withHolidayPolicy(policy));
		repository.update(id, candidate);
		return audited(id, "update-holiday-policy", current);
	}

	@Transactional
	public Entry<Closure> addClosure(long id, Closure closure) {
		Helpline before = get(id);
		validateSchedule(before, h -> h.plusClosure(closure));
		long closureId = repository.insertClosure(id, closure);
		audited(id, "add-closure", before);
		return new Entry<>(closureId, closure);
	}

	@Transactional
	public void removeClosure(long id, long closureId) {
		Helpline before = get(id);
		if (!repository.deleteClosure(id, closureId)) {
			throw new NotFoundException("closure " + closureId + " of helpline " + id + " does not exist");
		}
		audited(id, "remove-closure", before);
	}

	@Transactional
	public Entry<SpecialOpening> addSpecialOpening(long id, SpecialOpening opening) {
		Helpline before = get(id);
		validateSchedule(before, h -> h.plusSpecialOpening(opening));
		long openingId = repository.insertSpecialOpening(id, opening);
		audited(id, "add-special-opening", before);
		return new Entry<>(openingId, opening);
	}

	@Transactional
	public void removeSpecialOpening(long id, long openingId) {
		Helpline before = get(id);
		if (!repository.deleteSpecialOpening(id, openingId)) {
			throw new NotFoundException("special opening " + openingId + " of helpline " + id + " does not exist");
		}
		audited(id, "remove-special-opening", before);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forgetCachedLookups(HelplineChanged event) {
		byNumber.invalidateAll();
	}

	/** Every change of a helpline is audited as the whole helpline before and after it. */
	private Helpline audited(long id, String action, @Nullable Helpline before) {
		events.publishEvent(new HelplineChanged(id));
		Helpline after = get(id);
		audit.record(SUBJECT, id, action, before, after);
		return after;
	}

	private Helpline validateSchedule(Helpline current, UnaryOperator<Helpline> change) {
		Helpline candidate = change.apply(current);
		List<FieldProblem> problems = scheduleProblems(candidate);
		if (!problems.isEmpty()) {
			throw new ChangeRefusedException(problems);
		}
		return candidate;
	}

	private void validate(Helpline candidate, HelplineSettings settings, @Nullable Long ownId) {
		List<FieldProblem> problems = new ArrayList<>(settingsProblems(settings, ownId));
		if (problems.isEmpty()) {
			problems.addAll(scheduleProblems(candidate));
		}
		if (!problems.isEmpty()) {
			throw new ChangeRefusedException(problems);
		}
	}

	/** The schedule's problems, named after the fields of a helpline as the API shows it. */
	private List<FieldProblem> scheduleProblems(Helpline candidate) {
		return validator.validate(candidate.schedule()).stream()
			.map(p -> new FieldProblem(p.field().replaceFirst("^weekly", "openingHours"), p.code(),
					p.args().stream().map(a -> a.replace("weekly[", "openingHours[")).toList(), null))
			.toList();
	}

	private List<FieldProblem> settingsProblems(HelplineSettings s, @Nullable Long ownId) {
		List<FieldProblem> problems = new ArrayList<>();
		if (s.name() == null || s.name().isBlank() || s.name().length() > 100) {
			problems.add(FieldProblem.of(ProblemCode.HELPLINE_NAME_REQUIRED, "name"));
		}
		else if (repository.findIdByName(s.name()).filter(other -> !other.equals(ownId)).isPresent()) {
			problems.add(FieldProblem.of(ProblemCode.HELPLINE_NAME_TAKEN, "name", s.name()));
		}
		if (s.numbers() == null || s.numbers().isEmpty()) {
			problems.add(FieldProblem.of(ProblemCode.HELPLINE_NUMBER_REQUIRED, "numbers"));
		}
		else {
			for (int i = 0; i < s.numbers().size(); i++) {
				numberProblem(s.numbers().get(i), ownId).ifPresent(problems::add);
			}
			if (s.numbers().stream().distinct().count() != s.numbers().size()) {
				problems.add(FieldProblem.of(ProblemCode.HELPLINE_NUMBER_TWICE, "numbers"));
			}
		}
		if (ScheduleValidator.parseZone(s.timeZone()).isEmpty()) {
			problems.add(FieldProblem.of(ProblemCode.HELPLINE_UNKNOWN_TIME_ZONE, "timeZone", s.timeZone()));
		}
		if (s.country() == null || !holidays.isSupportedCountry(s.country())) {
			problems.add(FieldProblem.of(ProblemCode.HELPLINE_UNKNOWN_COUNTRY, "country", s.country()));
		}
		if (s.language() == null || !LANGUAGE.matcher(s.language()).matches()) {
			problems.add(FieldProblem.of(ProblemCode.HELPLINE_UNKNOWN_LANGUAGE, "language", s.language()));
		}
		if (s.ringTimeoutSeconds() != null && (s.ringTimeoutSeconds() < 5 || s.ringTimeoutSeconds() > 300)) {
			problems.add(FieldProblem.of(ProblemCode.HELPLINE_RING_TIMEOUT_RANGE, "ringTimeoutSeconds"));
		}
		return problems;
	}

	private Optional<FieldProblem> numberProblem(String number, @Nullable Long ownId) {
		if (number == null || !NUMBER.matcher(number).matches()) {
			return Optional.of(FieldProblem.of(ProblemCode.HELPLINE_NUMBER_NOT_DIGITS, "numbers", number));
		}
		return repository.findIdByNumber(number)
			.filter(other -> !other.equals(ownId))
			.map(other -> FieldProblem.of(ProblemCode.HELPLINE_NUMBER_TAKEN, "numbers", number, other));
	}

	private static Helpline fromSettings(long id, HelplineSettings s, HolidayPolicy policy,
			List<OpeningInterval> hours, List<Entry<Closure>> closures, List<Entry<SpecialOpening>> openings) {
		// Only a placeholder when the zone is invalid: validation refuses such a helpline.
		ZoneId zone = ScheduleValidator.parseZone(s.timeZone()).orElse(ZoneId.of("UTC"));
		int ringTimeout = s.ringTimeoutSeconds() == null ? 30 : s.ringTimeoutSeconds();
		// Likewise a missing name: validation names it before such a helpline is stored.
		return new Helpline(id, Objects.requireNonNullElse(s.name(), ""), s.numbers() == null ? List.of() : s.numbers(),
				s.language(), ringTimeout, zone, s.country(), hours, policy, closures, openings);
	}

}
