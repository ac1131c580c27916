package org.helpline.web.page;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.CallPreview;
import org.helpline.callflow.CallPreview.Heard;
import org.helpline.callflow.MenuStep;
import org.helpline.contact.CallerGroups;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.helplines.Helplines;
import org.helpline.helplines.ProblemCode;
import org.helpline.routing.Announce;
import org.helpline.routing.HelplineRouting;
import org.helpline.routing.Strategy;
import org.helpline.schedule.PublicHoliday;
import org.helpline.schedule.PublicHolidays;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operators' pages for helplines: the list, a new helpline, and one helpline's page with its
 * settings, schedule, year calendar, routing and a preview of what a caller hears. Changes
 * to the schedule and routing are {@link OperatorScheduleController}'s.
 */
@Controller
@RequestMapping("/operator")
class OperatorHelplinesController {

	// Room for a new interval or three without a script to add rows.
	private static final int EMPTY_HOUR_ROWS = 3;

	private final Helplines helplines;

	private final HelplineRouting routing;

	private final PublicHolidays holidays;

	private final CallPreview previews;

	private final CallerGroups callerGroups;

	private final MessageSource messages;

	private final Clock clock;

	OperatorHelplinesController(Helplines helplines, HelplineRouting routing, PublicHolidays holidays,
			CallPreview previews, CallerGroups callerGroups, MessageSource messages, Clock clock) {
		this.helplines = helplines;
		this.routing = routing;
		this.holidays = holidays;
		this.previews = previews;
		this.callerGroups = callerGroups;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("helplines", helplines.all());
		if (!model.containsAttribute("settings")) {
			model.addAttribute("settings", SettingsForm.EMPTY);
		}
		defaults(model);
		return "operator/helplines";
	}

	@PostMapping("/helplines")
	String create(SettingsForm form, BindingResult binding, RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>(Forms.unconverted(binding));
		if (problems.isEmpty()) {
			try {
				Helpline created = helplines.create(form.toSettings());
				redirect.addFlashAttribute("notice", "operator.saved");
				return "redirect:/operator/helplines/" + created.id();
			}
			catch (ChangeRefusedException ex) {
				problems.addAll(ex.problems());
			}
		}
		return refused(redirect, "settings", problems, form, "/operator");
	}

	@GetMapping("/helplines/{id}")
	String helpline(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year, Locale locale,
			Model model) {
		Helpline helpline = helplines.get(id);
		int shown = year == null || year < 2000 || year > 2099
				? LocalDate.ofInstant(clock.instant(), helpline.zone()).getYear() : year;
		List<PublicHoliday> ofYear = holidays.in(helpline.country(), shown);
		model.addAttribute("helpline", helpline);
		model.addAttribute("rules", routing.rules(id));
		model.addAttribute("holidays", ofYear);
		model.addAttribute("calendar", HelplineCalendar.of(helpline, shown, ofYear, locale,
				messages.getMessage("calendar.closure", null, locale)));
		model.addAttribute("days", Arrays.stream(DayOfWeek.values()).map(d -> {
			String name = d.getDisplayName(TextStyle.FULL_STANDALONE, locale);
			return new Choice(d.name(), name.substring(0, 1).toUpperCase(locale) + name.substring(1));
		}).toList());
		model.addAttribute("strategies", Arrays.asList(Strategy.values()));
		model.addAttribute("announces", Arrays.asList(Announce.values()));
		if (!model.containsAttribute("settings")) {
			model.addAttribute("settings", SettingsForm.of(helpline));
		}
		OperatorScheduleController.HoursForm sent = (OperatorScheduleController.HoursForm) model.getAttribute("hours");
		List<OperatorScheduleController.HourRow> rows = new ArrayList<>(
				(sent != null ? sent : OperatorScheduleController.HoursForm.of(helpline.openingHours())).rows());
		for (int i = 0; i < EMPTY_HOUR_ROWS; i++) {
			rows.add(new OperatorScheduleController.HourRow("", "", ""));
		}
		model.addAttribute("hourRows", rows);
		defaults(model);
		return "operator/helpline";
	}

	@PostMapping("/helplines/{id}")
	String update(@PathVariable long id, SettingsForm form, BindingResult binding, RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>(Forms.unconverted(binding));
		if (problems.isEmpty()) {
			try {
				helplines.update(id, form.toSettings());
				redirect.addFlashAttribute("notice", "operator.saved");
				return "redirect:/operator/helplines/" + id + "#settings";
			}
			catch (ChangeRefusedException ex) {
				problems.addAll(ex.problems());
			}
		}
		return refused(redirect, "settings", problems, form, "/operator/helplines/" + id + "#settings");
	}

	/**
	 * A GET, so the answer can be bookmarked and nothing changes.
	 * @param keys what the caller presses at each question of an open line's menu, see {@link Forms#keys}
	 */
	@GetMapping("/helplines/{id}/preview")
	String preview(@PathVariable long id, @RequestParam String number, @RequestParam String at,
			@RequestParam(required = false) String keys, Locale locale, Model model) {
		List<FieldProblem> problems = new ArrayList<>();
		List<String> pressed = Forms.keys(keys, "keys", problems);
		LocalDateTime local = null;
		try {
			local = LocalDateTime.parse(at);
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(ProblemCode.FORM_NOT_A_DATE_TIME, "at", at));
		}
		if (problems.isEmpty() && local != null) {
			ZoneId zone = helplines.byDialledNumber(number).orElseGet(() -> helplines.get(id)).zone();
			Heard heard = previews.hear(number, local.atZone(zone).toInstant(), pressed);
			PreviewResult result = PreviewResult.of(heard, callerGroups, locale.getLanguage());
			if (heard.decision() instanceof Connect c && heard.end() instanceof MenuStep.Queue q) {
				result = result.whenNobodyAvailable(routing.rules(c.helplineId()).waitForSignInSeconds(),
						previews.nobodyAvailable(q.language().code()));
			}
			model.addAttribute("preview", result);
		}
		else {
			model.addAttribute("problems", new FormProblems("preview", problems));
		}
		model.addAttribute("previewNumber", number);
		model.addAttribute("previewAt", at);
		model.addAttribute("previewKeys", keys);
		return helpline(id, null, locale, model);
	}

	static String refused(RedirectAttributes redirect, String form, List<FieldProblem> problems, Object values,
			String page) {
		redirect.addFlashAttribute("problems", new FormProblems(form, problems));
		redirect.addFlashAttribute(form, values);
		return "redirect:" + page;
	}

	private static void defaults(Model model) {
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", FormProblems.NONE);
		}
	}

	/** @param numbers the dialled numbers, separated by commas or spaces */
	record SettingsForm(String name, String numbers, String timeZone, String country, String language,
			@Nullable Integer ringTimeoutSeconds) {

		static final SettingsForm EMPTY = new SettingsForm("", "", "Europe/Amsterdam", "NL", "nl", 30);

		static SettingsForm of(Helpline h) {
			return new SettingsForm(h.name(), String.join(", ", h.numbers()), h.zone().getId(), h.country(),
					h.language(), h.ringTimeoutSeconds());
		}

		HelplineSettings toSettings() {
			List<String> dialled = numbers == null ? List.of()
					: Arrays.stream(numbers.split("[,\\s]+")).filter(n -> !n.isBlank()).toList();
			return new HelplineSettings(Forms.orNull(name), dialled, Forms.orNull(timeZone),
					Forms.orNull(country) == null ? null : country.strip().toUpperCase(Locale.ROOT),
					Forms.orNull(language), ringTimeoutSeconds);
		}

	}

}
