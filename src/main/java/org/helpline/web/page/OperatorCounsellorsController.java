package org.helpline.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.helpline.counsellors.Counsellor;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorStatus;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.helpline.counsellors.StateConflictException;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.ProblemCode;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.helpline.web.page.OperatorHelplinesController.refused;

/** Operators' pages for counsellors: who they are, how they are reached, what they take. */
@Controller
@RequestMapping("/operator/counsellors")
class OperatorCounsellorsController {

	private final Counsellors counsellors;

	private final Presence presence;

	private final MessageSource messages;

	OperatorCounsellorsController(Counsellors counsellors, Presence presence,
			MessageSource messages) {
		this.counsellors = counsellors;
		this.presence = presence;
		this.messages = messages;
	}

	@GetMapping
	String list(Locale locale, Model model) {
		Map<Long, String> states = presence.all()
			.stream()
			.collect(Collectors.toMap(CounsellorStatus::id,
					s -> messages.getMessage("state." + s.state().name(), null, locale)));
		model.addAttribute("counsellors", counsellors.all());
		model.addAttribute("states", states);
		if (!model.containsAttribute("counsellor")) {
			model.addAttribute("counsellor", CounsellorForm.EMPTY);
		}
		defaults(model);
		return "operator/counsellors";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Counsellor current = counsellors.get(id);
		if (!model.containsAttribute("counsellor")) {
			model.addAttribute("counsellor", CounsellorForm.of(current));
		}
		model.addAttribute("editing", current);
		defaults(model);
		return "operator/counsellor";
	}

	@PostMapping
	String create(CounsellorForm form, RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>();
		CounsellorSettings settings = form.toSettings(problems);
		if (problems.isEmpty()) {
			try {
				counsellors.create(settings);
				redirect.addFlashAttribute("notice", "operator.saved");
				return "redirect:/operator/counsellors";
			}
			catch (ChangeRefusedException ex) {
				problems.addAll(ex.problems());
			}
		}
		return refused(redirect, "counsellor", problems, form, "/operator/counsellors#new");
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, CounsellorForm form, RedirectAttributes redirect) {
		counsellors.get(id);
		List<FieldProblem> problems = new ArrayList<>();
		CounsellorSettings settings = form.toSettings(problems);
		if (problems.isEmpty()) {
			try {
				counsellors.update(id, settings);
				redirect.addFlashAttribute("notice", "operator.saved");
				return "redirect:/operator/counsellors";
			}
			catch (ChangeRefusedException ex) {
				problems.addAll(ex.problems());
			}
		}
		return refused(redirect, "counsellor", problems, form, "/operator/counsellors/" + id);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Counsellor before = counsellors.get(id);
		try {
			counsellors.delete(id);
			redirect.addFlashAttribute("notice", "operator.removed");
			return "redirect:/operator/counsellors";
		}
		catch (StateConflictException ex) {
			return refused(redirect, "counsellor",
					List.of(FieldProblem.of(ProblemCode.COUNSELLOR_REMOVE_DURING_CALL, "state", before.displayName())),
					CounsellorForm.of(before), "/operator/counsellors/" + id);
		}
	}

	private static void defaults(Model model) {
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", FormProblems.NONE);
		}
	}

	/** @param callerGroups levels as text: {@code SELF=1, PROFESSIONAL=2} (names read case-blind) */
	record CounsellorForm(String displayName, String endpoint, String externalNumber, String username,
			String callerGroups, String languages) {

		static final CounsellorForm EMPTY = new CounsellorForm("", "", "", "", "", "");

		static CounsellorForm of(Counsellor c) {
			return new CounsellorForm(c.displayName(), c.endpoint(), c.externalNumber(), c.username(),
					text(c.callerGroups()), text(c.languages()));
		}

		CounsellorSettings toSettings(List<FieldProblem> problems) {
			return new CounsellorSettings(displayName, Forms.orNull(endpoint), Forms.orNull(externalNumber),
					Forms.orNull(username), levels(callerGroups, "callerGroups", problems),
					levels(languages, "languages", problems));
		}

		private static String text(Map<String, Integer> levels) {
			return levels.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining(", "));
		}

		/** Names are checked by {@link Counsellors}; only the shape {@code name=level} is checked here. */
		private static Map<String, Integer> levels(String text, String field, List<FieldProblem> problems) {
			Map<String, Integer> levels = new LinkedHashMap<>();
			if (Forms.blank(text)) {
				return levels;
			}
			for (String part : text.split("[,;]")) {
				if (part.isBlank()) {
					continue;
				}
				String[] pair = part.split("=", 2);
				String name = pair[0].strip();
				Integer level = pair.length == 2 ? Forms.integer(pair[1], field + "." + name, problems) : Integer.valueOf(1);
				levels.put(name, level);
			}
			return levels;
		}

	}

}
