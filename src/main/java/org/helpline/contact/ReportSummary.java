package org.helpline.contact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.helpline.contact.Report.Count;
import org.helpline.contact.Report.Item;
import org.helpline.contact.Report.Part;

/**
 * The year in a paragraph, in Dutch and English, written from the report's own figures the
 * way the helpline's press release does ("In 2016 had Stop it Now! 424 contactmomenten met
 * 221 verschillende personen. … Ten opzichte van 2015 bleef het aantal contactmomenten
 * stabiel (+2%)."). A suppressed count reads "minder dan 5"; a sentence that would need a
 * hidden figure is left out.
 */
final class ReportSummary {

	// A change smaller than this (rounded, either way) reads as "stable".
	private static final int STABLE_PERCENT = 5;

	private static final List<String> ORDINAL_NL = List.of("eerste", "tweede", "derde", "vierde");

	private static final List<String> ORDINAL_EN = List.of("first", "second", "third", "fourth");

	private final Report report;

	private final LocalDate today;

	ReportSummary(Report report, LocalDate today) {
		this.report = report;
		this.today = today;
	}

	Map<String, String> paragraphs() {
		Map<String, String> paragraphs = new LinkedHashMap<>();
		paragraphs.put("nl", write(true));
		paragraphs.put("en", write(false));
		return paragraphs;
	}

	private String write(boolean dutch) {
		List<String> sentences = new ArrayList<>();
		sentences.add(opening(dutch));
		mostFrom(dutch).ifPresent(sentences::add);
		change(dutch).ifPresent(sentences::add);
		quarter(dutch).ifPresent(sentences::add);
		topic(dutch).ifPresent(sentences::add);
		referrals(dutch).ifPresent(sentences::add);
		return String.join(" ", sentences);
	}

	private String opening(boolean dutch) {
		Count moments = report.contactMoments().count();
		Count persons = report.distinctPersons() == null ? null : report.distinctPersons().count();
		String year = report.period();
		String withPersons = persons == null || persons.value() == 0 ? ""
				: dutch ? " met " + number(persons, true) + " verschillende " + (one(persons) ? "persoon" : "personen")
						: " with " + number(persons, false) + " different " + (one(persons) ? "person" : "people");
		String contacts = moments(moments, dutch);
		if (dutch) {
			String soFar = report.complete() ? "" : "tot nu toe ";
			return report.helpline() == null ? "In " + year + " waren er " + soFar + contacts + withPersons + "."
					: "In " + year + " had " + report.helpline() + " " + soFar + contacts + withPersons + ".";
		}
		String when = (report.complete() ? "In " : "So far in ") + year;
		String had = report.complete() ? " had " : " has had ";
		return report.helpline() == null
				? when + " there " + (report.complete() ? "were " : "have been ") + contacts + withPersons + "."
				: when + " " + report.helpline() + had + contacts + withPersons + ".";
	}

	private Optional<String> mostFrom(boolean dutch) {
		return largest(report.byCallerGroup(), List.of(Labels.UNKNOWN)).map(group -> dutch
				? "De meeste contactmomenten kwamen van " + Labels.callerGroupPeople(group.code(), "nl") + "."
				: "Most contact moments came from " + Labels.callerGroupPeople(group.code(), "en") + ".");
	}

	private Optional<String> change(boolean dutch) {
		Double change = report.contactMoments().changePercent();
		if (!report.complete() || change == null) {
			return Optional.empty();
		}
		long rounded = Math.round(change);
		String previous = report.previousPeriod();
		String signed = (rounded >= 0 ? "+" : "") + rounded + "%";
		if (Math.abs(rounded) < STABLE_PERCENT) {
			return Optional.of(dutch ? "Ten opzichte van " + previous + " bleef het aantal contactmomenten stabiel ("
					+ signed + ")." : "Compared with " + previous + " the number of contact moments remained stable ("
							+ signed + ").");
		}
		if (rounded > 0) {
			return Optional.of(dutch ? "Ten opzichte van " + previous + " steeg het aantal contactmomenten met "
					+ rounded + "%." : "Compared with " + previous + " the number of contact moments rose by " + rounded
							+ "%.");
		}
		return Optional.of(dutch ? "Ten opzichte van " + previous + " daalde het aantal contactmomenten met "
				+ -rounded + "%." : "Compared with " + previous + " the number of contact moments fell by " + -rounded
						+ "%.");
	}

	/** A finished year names its busiest quarter; a running one its last finished quarter. */
	private Optional<String> quarter(boolean dutch) {
		List<Part> quarters = report.parts().stream().filter(p -> p.period().contains("-Q")).toList();
		if (report.complete()) {
			if (quarters.stream().filter(q -> q.contactMoments().count().value() > 0).count() < 2) {
				return Optional.empty();
			}
			Part busiest = quarters.stream()
				.filter(q -> !q.contactMoments().count().suppressed())
				.max(Comparator.comparingLong(q -> q.contactMoments().count().value()))
				.orElse(null);
			if (busiest == null) {
				return Optional.empty();
			}
			int index = quarterIndex(busiest);
			Count count = busiest.contactMoments().count();
			return Optional.of(dutch ? "Het drukste kwartaal was het " + ORDINAL_NL.get(index) + " kwartaal, met "
					+ about(count, true) + "." : "The busiest quarter was the " + ORDINAL_EN.get(index) + ", with "
							+ about(count, false) + ".");
		}
		int finished = (int) quarters.stream().filter(this::quarterEnded).count();
		if (finished == 0) {
			return Optional.empty();
		}
		Part last = quarters.get(finished - 1);
		Count count = last.contactMoments().count();
		if (count.suppressed() || count.value() == 0) {
			return Optional.empty();
		}
		int index = quarterIndex(last);
		String verbNl = one(count) ? "was er " : "waren er ";
		String verbEn = one(count) ? "was " : "were ";
		return Optional.of(dutch ? "In het " + ORDINAL_NL.get(index) + " kwartaal " + verbNl + about(count, true) + "."
				: "In the " + ORDINAL_EN.get(index) + " quarter there " + verbEn + about(count, false) + ".");
	}

	private boolean quarterEnded(Part quarter) {
		return ReportPeriod.parse(quarter.period()).until().isBefore(today);
	}

	private Optional<String> topic(boolean dutch) {
		return largest(report.byTopic(), List.of("OTHER", Labels.UNKNOWN)).map(topic -> dutch
				? "Ten minste " + moments(topic.count(), true) + (one(topic.count()) ? " ging" : " gingen") + " over "
						+ lowerFirst(topic.label().getOrDefault("nl", topic.code())) + "."
				: "At least " + moments(topic.count(), false) + (one(topic.count()) ? " was" : " were") + " about "
						+ lowerFirst(topic.label().getOrDefault("en", topic.code())) + ".");
	}

	private Optional<String> referrals(boolean dutch) {
		if (report.byReferral().stream().anyMatch(r -> r.count().suppressed())) {
			return Optional.empty();
		}
		Count total = Count.exact(report.byReferral().stream().mapToLong(r -> r.count().value()).sum());
		return largest(report.byReferral(), List.of(Labels.UNKNOWN)).map(top -> dutch
				? capitalFirst(moments(total, true)) + (one(total) ? " eindigde" : " eindigden")
						+ " met een verwijzing, het vaakst naar: " + lowerFirst(top.label().getOrDefault("nl", top.code())) + " ("
						+ top.count().value() + ")."
				: capitalFirst(moments(total, false)) + " ended with a referral, most often to: "
						+ lowerFirst(top.label().getOrDefault("en", top.code())) + " (" + top.count().value() + ").");
	}

	/** The one item with the most contacts, if it is visible and larger than every other. */
	private static Optional<Item> largest(List<Item> items, List<String> except) {
		List<Item> candidates = items.stream()
			.filter(i -> !except.contains(i.code()) && i.count().value() > 0)
			.sorted(Comparator.comparingLong((Item i) -> i.count().value()).reversed())
			.toList();
		if (candidates.isEmpty() || candidates.getFirst().count().suppressed()
				|| (candidates.size() > 1 && candidates.get(1).count().value() == candidates.getFirst().count().value())) {
			return Optional.empty();
		}
		return Optional.of(candidates.getFirst());
	}

	private static int quarterIndex(Part quarter) {
		return ReportPeriod.parse(quarter.period()).quarterNumber() - 1;
	}

	private static boolean one(Count count) {
		return !count.suppressed() && count.value() == 1;
	}

	private static String moments(Count count, boolean dutch) {
		return number(count, dutch) + " " + (dutch ? (one(count) ? "contactmoment" : "contactmomenten")
				: (one(count) ? "contact moment" : "contact moments"));
	}

	private static String number(Count count, boolean dutch) {
		if (count.suppressed()) {
			return (dutch ? "minder dan " : "fewer than ") + count.threshold();
		}
		return Long.toString(count.value());
	}

	/** Press-release rounding: 163 reads "ruim 160 contactmomenten" / "more than 160 contact moments". */
	private static String about(Count count, boolean dutch) {
		long value = count.value();
		if (value < 20 || value % 10 == 0) {
			return moments(count, dutch);
		}
		return (dutch ? "ruim " : "more than ") + moments(Count.exact(value / 10 * 10), dutch);
	}

	private static String capitalFirst(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
	}

}
