package org.helpline.web.page;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.Helplines;
import org.helpline.helplines.ProblemCode;
import org.helpline.routing.HelplineRouting;
import org.helpline.routing.RoutingSettings;
import org.helpline.schedule.Closure;
import org.helpline.schedule.OpeningInterval;
import org.helpline.schedule.SpecialOpening;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.helpline.web.page.OperatorHelplinesController.refused;

/**
 * The forms of a helpline's page that change its schedule and routing. Each change is
 * validated whole by the domain, audited with the thing before and after, and answered with
 * the helpline's page again (a refused form keeps its values and shows why).
 */
@Controller
@RequestMapping("/operator/helplines/{id}")
class OperatorScheduleController {

	private final Helplines helplines;

	private final HelplineRouting routing;

	OperatorScheduleController(Helplines helplines, HelplineRouting routing) {
		this.helplines = helplines;
		this.routing = routing;
	}

	/** Rows whose day and both times are empty are left out: the form offers some empty rows to fill in. */
	@PostMapping("/opening-hours")
	String openingHours(@PathVariable long id, @RequestParam(name = "day", required = false) List<String> days,
			@RequestParam(name = "start", required = false) List<String> starts,
			@RequestParam(name = "end", required = false) List<String> ends, RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>();
		List<OpeningInterval> intervals = new ArrayList<>();
		int rows = days == null ? 0 : days.size();
		for (int i = 0; i < rows; i++) {
			String day = days.get(i);
			String start = i < starts.size() ? starts.get(i) : "";
			String end = i < ends.size() ? ends.get(i) : "";
			if (Forms.blank(day) && Forms.blank(start) && Forms.blank(end)) {
				continue;
			}
			String field = "openingHours[" + intervals.size() + "]";
			DayOfWeek dayOfWeek = null;
			try {
				dayOfWeek = DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
			}
			catch (RuntimeException ex) {
				problems.add(FieldProblem.of(ProblemCode.SCHEDULE_DAY_REQUIRED, field + ".day"));
			}
			LocalTime from = Forms.time(start, field + ".start", problems);
			LocalTime until = Forms.time(end, field + ".end", problems);
			if (dayOfWeek != null && from != null && until != null) {
				intervals.add(new OpeningInterval(dayOfWeek, from, until));
			}
		}
		try {
			if (problems.isEmpty()) {
				helplines.replaceOpeningHours(id, intervals);
				redirect.addFlashAttribute("notice", "operator.saved");
				return page(id, "hours");
			}
		}
		catch (ChangeRefusedException ex) {
			problems.addAll(ex.problems());
		}
		return refused(redirect, "hours", problems, new HoursForm(days, starts, ends), path(id, "hours"));
	}

	@PostMapping("/closures")
	String addClosure(@PathVariable long id, ClosureForm form, BindingResult binding, RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>(Forms.unconverted(binding));
		LocalDate first = form.firstDay();
		Forms.required(first, "firstDay", problems);
		// No problems means the first day was given; the check says so to the compiler too.
		if (problems.isEmpty() && first != null) {
			try {
				helplines.addClosure(id, new Closure(first, form.lastDay() == null ? first : form.lastDay(),
						Forms.orNull(form.reason()), null));
				redirect.addFlashAttribute("notice", "operator.saved");
				return page(id, "closures", first.getYear());
			}
			catch (ChangeRefusedException ex) {
				problems.addAll(ex.problems());
			}
		}
		return refused(redirect, "closure", problems, form, path(id, "closures"));
	}

	@PostMapping("/closures/{closureId}/delete")
	String removeClosure(@PathVariable long id, @PathVariable long closureId, RedirectAttributes redirect) {
		helplines.removeClosure(id, closureId);
		redirect.addFlashAttribute("notice", "operator.removed");
		return page(id, "closures");
	}

	@PostMapping("/special-openings")
	String addSpecialOpening(@PathVariable long id, SpecialOpeningForm form, BindingResult binding,
			RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>(Forms.unconverted(binding));
		form.missing(problems);
		LocalDate date = form.date();
		LocalTime start = form.start();
		LocalTime end = form.end();
		// No problems means all three were given; the checks say so to the compiler too.
		if (problems.isEmpty() && date != null && start != null && end != null) {
			try {
				helplines.addSpecialOpening(id, new SpecialOpening(date, start, end, Forms.orNull(form.reason())));
				redirect.addFlashAttribute("notice", "operator.saved");
				return page(id, "special-openings", date.getYear());
			}
			catch (ChangeRefusedException ex) {
				problems.addAll(ex.problems());
			}
		}
		return refused(redirect, "special", problems, form, path(id, "special-openings"));
	}

	@PostMapping("/special-openings/{openingId}/delete")
	String removeSpecialOpening(@PathVariable long id, @PathVariable long openingId, RedirectAttributes redirect) {
		helplines.removeSpecialOpening(id, openingId);
		redirect.addFlashAttribute("notice", "operator.removed");
		return page(id, "special-openings");
	}

	@PostMapping("/routing")
	String routing(@PathVariable long id, RoutingForm form, BindingResult binding, RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>(RoutingForm.named(Forms.unconverted(binding)));
		if (problems.isEmpty()) {
			try {
				routing.update(id, form.toSettings());
				redirect.addFlashAttribute("notice", "operator.saved");
				return page(id, "routing");
			}
			catch (ChangeRefusedException ex) {
				problems.addAll(ex.problems());
			}
		}
		return refused(redirect, "routing", problems, form, path(id, "routing"));
	}

	private static String page(long id, String section) {
		return "redirect:" + path(id, section);
	}

	private static String path(long id, String section) {
		return "/operator/helplines/" + id + "#" + section;
	}

	private static String page(long id, String section, int year) {
		return "redirect:/operator/helplines/" + id + "?year=" + year + "#" + section;
	}

	record HoursForm(List<String> days, List<String> starts, List<String> ends) {

		/** The rows as they were sent, to fill the form in again. */
		List<HourRow> rows() {
			List<HourRow> rows = new ArrayList<>();
			for (int i = 0; days != null && i < days.size(); i++) {
				rows.add(new HourRow(days.get(i), at(starts, i), at(ends, i)));
			}
			return rows;
		}

		static HoursForm of(List<OpeningInterval> intervals) {
			return new HoursForm(intervals.stream().map(i -> i.day().name()).toList(),
					intervals.stream().map(i -> i.start().toString()).toList(),
					intervals.stream().map(i -> i.end().toString()).toList());
		}

		private static String at(List<String> values, int i) {
			return values != null && i < values.size() ? values.get(i) : "";
		}

	}

	record HourRow(String day, String start, String end) {
	}

	/** @param lastDay empty for a closure of one day */
	record ClosureForm(@DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate firstDay,
			@DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate lastDay, @Nullable String reason) {
	}

	record SpecialOpeningForm(@DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate date,
			@DateTimeFormat(iso = ISO.TIME) @Nullable LocalTime start,
			@DateTimeFormat(iso = ISO.TIME) @Nullable LocalTime end, @Nullable String reason) {

		/** Each of the three left empty; one that was not a date or time is named already. */
		void missing(List<FieldProblem> problems) {
			Forms.required(date, "date", problems);
			Forms.required(start, "start", problems);
			Forms.required(end, "end", problems);
		}

	}

	/** A number left empty is the rule's default or no widening step. */
	record RoutingForm(@Nullable String strategy, @Nullable Integer ringTimeoutSeconds, @Nullable Integer wrapUpSeconds,
			@Nullable Integer maxWaitSeconds, @Nullable Integer announcementSeconds, @Nullable String announce,
			@Nullable Integer wideningToLevel2, @Nullable Integer wideningToLevel3, @Nullable String whisper,
			@Nullable Integer waitForSignInSeconds) {

		/** The two widening fields are the steps the rules' own problems name. */
		static List<FieldProblem> named(List<FieldProblem> problems) {
			return problems.stream()
				.map(p -> switch (p.field()) {
					case "wideningToLevel2" -> p.at("wideningSeconds[0]");
					case "wideningToLevel3" -> p.at("wideningSeconds[1]");
					default -> p;
				})
				.toList();
		}

		RoutingSettings toSettings() {
			List<Integer> widening = Stream.of(wideningToLevel2, wideningToLevel3).filter(Objects::nonNull).toList();
			return new RoutingSettings(Forms.orNull(strategy), ringTimeoutSeconds, wrapUpSeconds, maxWaitSeconds,
					announcementSeconds, Forms.orNull(announce), widening, "on".equals(whisper) || "true".equals(whisper),
					waitForSignInSeconds);
		}

	}

}
