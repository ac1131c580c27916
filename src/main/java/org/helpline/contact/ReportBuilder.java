package org.helpline.contact;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedSet;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.helpline.contact.Report.Count;
import org.helpline.contact.Report.Figure;
import org.helpline.contact.Report.HourOfWeek;
import org.helpline.contact.Report.Item;
import org.helpline.contact.Report.MissedDemand;
import org.helpline.contact.Report.Part;
import org.helpline.contact.Report.Persons;
import org.helpline.contact.Report.ServiceFigures;
import org.helpline.contact.Report.Unidentified;
import org.helpline.contact.ReportData.Group;
import org.jspecify.annotations.Nullable;

/** Computes one report from the grouped rows of its year and the year before. */
final class ReportBuilder {

	private static final String PHONE = Channel.PHONE.code();

	private final ReportData data;

	private final Suppression suppression;

	private final int serviceLevelSeconds;

	private final List<String> callerGroups;

	private final Map<String, ContactOption> topics;

	private final Map<String, ContactOption> referrals;

	private final LocalDate today;

	ReportBuilder(ReportData data, Suppression suppression, int serviceLevelSeconds, List<String> callerGroups,
			Map<String, ContactOption> topics, Map<String, ContactOption> referrals, LocalDate today) {
		this.data = data;
		this.suppression = suppression;
		this.serviceLevelSeconds = serviceLevelSeconds;
		this.callerGroups = callerGroups;
		this.topics = topics;
		this.referrals = referrals;
		this.today = today;
	}

	Report build(ReportPeriod period, @Nullable Long helplineId, @Nullable String helplineName, int threshold) {
		ReportPeriod previous = period.previous();
		boolean year = period.kind() == ReportPeriod.Kind.YEAR;
		Report report = new Report(period.label(), period.from(), period.until(), period.until().isBefore(today),
				helplineId, helplineName, suppression.published(), threshold, previous.label(),
				total(period, this::contactMoments), total(period, this::attempts), year ? persons(period) : null,
				byCallerGroup(period), byTopic(period), byChannel(period), byOutcome(period), byLanguage(period),
				byReferral(period), service(period), unidentified(period), missedDemand(period), parts(period),
				null);
		return year ? withSummary(report) : report;
	}

	private Report withSummary(Report report) {
		Map<String, String> summary = new ReportSummary(report, today).paragraphs();
		return new Report(report.period(), report.from(), report.until(), report.complete(), report.helplineId(),
				report.helpline(), report.published(), report.smallCellThreshold(), report.previousPeriod(),
				report.contactMoments(), report.callAttempts(), report.distinctPersons(), report.byCallerGroup(),
				report.byTopic(), report.byChannel(), report.byOutcome(), report.byLanguage(), report.byReferral(),
				report.service(), report.unidentified(), report.missedDemand(), report.parts(), summary);
	}

	private long contactMoments(ReportPeriod period) {
		return records(period, Group::contactMoment);
	}

	private long attempts(ReportPeriod period) {
		return records(period, g -> PHONE.equals(g.channel()));
	}

	private long records(ReportPeriod period, Predicate<Group> filter) {
		return sum(period, filter, Group::records);
	}

	private long sum(ReportPeriod period, Predicate<Group> filter, ToLongFunction<Group> value) {
		return data.groups()
			.stream()
			.filter(g -> period.contains(g.year(), g.month()))
			.filter(filter)
			.mapToLong(value)
			.sum();
	}

	/**
	 * A period's total against the one before. Quarters and months are suppressed as parts of
	 * their year, the same in every report, so one report cannot show what another hides.
	 */
	private Figure total(ReportPeriod period, ToLongFunction<ReportPeriod> measure) {
		Count now = count(period, measure);
		Count before = count(period.previous(), measure);
		return new Figure(now, before, Suppression.changePercent(now, before));
	}

	private Count count(ReportPeriod period, ToLongFunction<ReportPeriod> measure) {
		if (period.kind() == ReportPeriod.Kind.YEAR) {
			return suppression.one(measure.applyAsLong(period));
		}
		List<ReportPeriod> siblings = ReportPeriod.year(period.year())
			.parts()
			.stream()
			.filter(p -> p.kind() == period.kind())
			.toList();
		return suppression.breakdown(siblings.stream().map(measure::applyAsLong).toList())
			.get(siblings.indexOf(period));
	}

	private Persons persons(ReportPeriod period) {
		long identified = data.identifiedPersons().getOrDefault(period.year(), 0L);
		long firstContacts = records(period, ReportBuilder::unidentifiedFirstContact);
		ReportPeriod previous = period.previous();
		long identifiedBefore = data.identifiedPersons().getOrDefault(previous.year(), 0L);
		long firstContactsBefore = records(previous, ReportBuilder::unidentifiedFirstContact);
		Count total = suppression.one(identified + firstContacts);
		Count totalBefore = suppression.one(identifiedBefore + firstContactsBefore);
		List<Count> parts = suppression.breakdown(List.of(identified, firstContacts));
		return new Persons(total, totalBefore, Suppression.changePercent(total, totalBefore), parts.get(0),
				parts.get(1));
	}

	private static boolean unidentifiedFirstContact(Group g) {
		return g.contactMoment() && g.withheld() && Boolean.FALSE.equals(g.returningCaller());
	}

	private List<Item> byCallerGroup(ReportPeriod period) {
		return items(period, Group::contactMoment, Group::callerGroup, callerGroups, Labels::callerGroup);
	}

	private List<Item> byChannel(ReportPeriod period) {
		return items(period, Group::contactMoment, Group::channel,
				Arrays.stream(Channel.values()).map(Channel::code).toList(), Labels::channel);
	}

	private List<Item> byOutcome(ReportPeriod period) {
		return items(period, g -> PHONE.equals(g.channel()), Group::outcome,
				Arrays.stream(CallOutcome.values()).map(Enum::name).toList(), Labels::outcome);
	}

	private List<Item> byLanguage(ReportPeriod period) {
		return items(period, Group::contactMoment, Group::language, List.of("nl", "en"), Labels::language);
	}

	private List<Item> byReferral(ReportPeriod period) {
		return items(period, g -> g.contactMoment() && g.referral() != null, Group::referral,
				List.copyOf(referrals.keySet()), code -> Labels.option(referrals.get(code), code));
	}

	private List<Item> byTopic(ReportPeriod period) {
		Map<String, Long> now = topicCounts(period);
		Map<String, Long> before = topicCounts(period.previous());
		return items(now, before, List.copyOf(topics.keySet()), code -> Labels.option(topics.get(code), code));
	}

	private Map<String, Long> topicCounts(ReportPeriod period) {
		return data.topics()
			.stream()
			.filter(t -> period.contains(t.year(), t.month()))
			.collect(Collectors.groupingBy(ReportData.TopicCount::topic, TreeMap::new,
					Collectors.summingLong(ReportData.TopicCount::contacts)));
	}

	private List<Item> items(ReportPeriod period, Predicate<Group> filter, Function<Group, String> dimension,
			List<String> known, Function<String, Map<String, String>> label) {
		return items(counts(period, filter, dimension), counts(period.previous(), filter, dimension), known, label);
	}

	private Map<String, Long> counts(ReportPeriod period, Predicate<Group> filter, Function<Group, String> dimension) {
		return data.groups()
			.stream()
			.filter(g -> period.contains(g.year(), g.month()))
			.filter(filter)
			.collect(Collectors.groupingBy(g -> Objects.requireNonNullElse(dimension.apply(g), Labels.UNKNOWN),
					TreeMap::new, Collectors.summingLong(Group::records)));
	}

	/** Known codes first in their order (zeros included), then any others, unknown last. */
	private List<Item> items(Map<String, Long> now, Map<String, Long> before, List<String> known,
			Function<String, Map<String, String>> label) {
		SequencedSet<String> codes = new LinkedHashSet<>(known);
		now.keySet().stream().filter(c -> !c.equals(Labels.UNKNOWN)).forEach(codes::add);
		before.keySet().stream().filter(c -> !c.equals(Labels.UNKNOWN)).forEach(codes::add);
		if (now.containsKey(Labels.UNKNOWN) || before.containsKey(Labels.UNKNOWN)) {
			codes.add(Labels.UNKNOWN);
		}
		List<String> ordered = List.copyOf(codes);
		List<Count> current = suppression.breakdown(ordered.stream().map(c -> now.getOrDefault(c, 0L)).toList());
		List<Count> previous = suppression.breakdown(ordered.stream().map(c -> before.getOrDefault(c, 0L)).toList());
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < ordered.size(); i++) {
			items.add(new Item(ordered.get(i), label.apply(ordered.get(i)), current.get(i), previous.get(i),
					Suppression.changePercent(current.get(i), previous.get(i))));
		}
		return items;
	}

	private ServiceFigures service(ReportPeriod period) {
		Predicate<Group> phone = g -> PHONE.equals(g.channel());
		long answered = records(period, g -> phone.test(g) && "ANSWERED".equals(g.outcome()));
		long answeredTimed = sum(period, phone, Group::answeredTimed);
		long abandoned = records(period, g -> phone.test(g) && "ABANDONED_WAITING".equals(g.outcome()));
		long overflow = records(period, g -> phone.test(g) && "OVERFLOW".equals(g.outcome()));
		long offered = answeredTimed + abandoned + overflow;
		long within = sum(period, phone, Group::answeredWithinTarget);
		long waiting = sum(period, phone, Group::waitingSecondsSum);
		long talks = sum(period, phone, Group::talks);
		long talk = sum(period, phone, Group::talkSecondsSum);
		// Each answered call keeps the target it was measured against (so do years reduced by
		// retention); groups without one carry today's, which says nothing about the period.
		int target = data.groups()
			.stream()
			.filter(g -> period.contains(g.year(), g.month()) && phone.test(g) && g.answeredTimed() > 0)
			.mapToInt(Group::serviceLevelSeconds)
			.max()
			.orElse(serviceLevelSeconds);
		List<Count> calls = suppression.breakdown(List.of(answeredTimed, abandoned, overflow));
		return new ServiceFigures(target, suppression.one(offered), suppression.one(answered), calls.get(1),
				suppression.derived(ratio(within * 100.0, offered), offered),
				suppression.derived(ratio(waiting, answeredTimed), answeredTimed),
				suppression.derived(ratio(abandoned * 100.0, offered), offered),
				suppression.derived(ratio(talk, talks), talks));
	}

	private static @Nullable Double ratio(double part, long whole) {
		return whole == 0 ? null : Suppression.round(part / whole);
	}

	private Unidentified unidentified(ReportPeriod period) {
		long attempts = records(period, g -> PHONE.equals(g.channel()) && g.withheld());
		Predicate<Group> unidentified = g -> g.contactMoment() && g.withheld();
		long contacts = records(period, unidentified);
		List<Count> marks = suppression.breakdown(List.of(
				records(period, g -> unidentified.test(g) && Boolean.FALSE.equals(g.returningCaller())),
				records(period, g -> unidentified.test(g) && Boolean.TRUE.equals(g.returningCaller())),
				records(period, g -> unidentified.test(g) && g.returningCaller() == null)));
		return new Unidentified(suppression.one(attempts), suppression.one(contacts), marks.get(0), marks.get(1),
				marks.get(2));
	}

	private MissedDemand missedDemand(ReportPeriod period) {
		Map<Integer, Long> byHour = data.hours()
			.stream()
			.filter(h -> period.contains(h.year(), h.month()))
			.collect(Collectors.groupingBy(ReportData.HourCount::hourOfWeek, TreeMap::new,
					Collectors.summingLong(ReportData.HourCount::attempts)));
		List<Integer> hours = byHour.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
		List<Count> counts = suppression.breakdown(hours.stream().map(byHour::get).toList());
		List<HourOfWeek> cells = new ArrayList<>();
		for (int i = 0; i < hours.size(); i++) {
			int hourOfWeek = hours.get(i);
			cells.add(new HourOfWeek(DayOfWeek.of(hourOfWeek / 24 + 1).name(), hourOfWeek % 24, counts.get(i)));
		}
		long total = records(period, g -> PHONE.equals(g.channel()) && "OUT_OF_HOURS".equals(g.outcome()));
		return new MissedDemand(suppression.one(total), cells);
	}

	private List<Part> parts(ReportPeriod period) {
		List<Part> parts = new ArrayList<>();
		for (ReportPeriod part : period.parts()) {
			if (!part.from().isAfter(today)) {
				parts.add(new Part(part.label(), total(part, this::contactMoments), total(part, this::attempts)));
			}
		}
		return parts;
	}

}
