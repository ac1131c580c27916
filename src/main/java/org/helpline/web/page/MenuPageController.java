package org.helpline.web.page;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.helpline.contact.CallerGroups;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.Helplines;
import org.helpline.helplines.NotFoundException;
import org.helpline.helplines.ProblemCode;
import org.helpline.menu.Action;
import org.helpline.menu.Menu;
import org.helpline.menu.MenuVersion;
import org.helpline.menu.Menus;
import org.helpline.menu.Option;
import org.helpline.prompts.Prompt;
import org.helpline.prompts.PromptCatalogue;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.helpline.web.page.OperatorHelplinesController.refused;

/**
 * The operators' page for a helpline's menu: the version in force as a form, the texts its
 * prompts speak, and every earlier version to go back to. A change is validated whole by
 * {@link Menus}; a refused one keeps the running menu and shows why next to the form.
 */
@Controller
@RequestMapping("/operator/helplines/{id}/menu")
class MenuPageController {

	// Room for new options without a script to add rows.
	private static final int EMPTY_OPTION_ROWS = 3;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Helplines helplines;

	private final Menus menus;

	private final PromptCatalogue catalogue;

	private final CallerGroups callerGroups;

	MenuPageController(Helplines helplines, Menus menus, PromptCatalogue catalogue, CallerGroups callerGroups) {
		this.helplines = helplines;
		this.menus = menus;
		this.catalogue = catalogue;
		this.callerGroups = callerGroups;
	}

	@GetMapping
	String menu(@PathVariable long id, Locale locale, Model model) {
		Helpline helpline = helplines.get(id);
		MenuVersion current = menus.currentVersion(id);
		MenuForm form = model.getAttribute("menu") instanceof MenuForm sent ? sent : MenuForm.of(current.menu());
		model.addAttribute("helpline", helpline);
		model.addAttribute("current", Version.of(current, helpline.zone(), current.version()));
		model.addAttribute("menu", form);
		model.addAttribute("optionRows", form.rows(EMPTY_OPTION_ROWS));
		model.addAttribute("actions", Arrays.asList(Action.values()));
		model.addAttribute("callerGroups", callerGroups.codes()
			.stream()
			.map(code -> new Choice(code, callerGroups.label(code, locale.getLanguage())))
			.toList());
		model.addAttribute("languages", PromptCatalogue.LANGUAGES);
		model.addAttribute("texts", texts(current.menu()));
		model.addAttribute("history", menus.history(id)
			.stream()
			.map(v -> Version.of(v, helpline.zone(), current.version()))
			.toList());
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", FormProblems.NONE);
		}
		return "operator/menu";
	}

	@PostMapping
	String save(@PathVariable long id, MenuForm form, Principal author, RedirectAttributes redirect) {
		try {
			menus.save(id, form.toMenu(), author.getName());
			redirect.addFlashAttribute("notice", "operator.saved");
			return "redirect:" + path(id);
		}
		catch (ChangeRefusedException ex) {
			return refused(redirect, "menu", ex.problems(), form.compacted(), path(id) + "#menu-form");
		}
	}

	@PostMapping("/versions/{version}/restore")
	String restore(@PathVariable long id, @PathVariable int version, Principal author, RedirectAttributes redirect) {
		try {
			menus.restore(id, version, author.getName());
			redirect.addFlashAttribute("notice", "menu.restored");
			return "redirect:" + path(id);
		}
		catch (ChangeRefusedException ex) {
			redirect.addFlashAttribute("problems", new FormProblems("history", ex.problems()));
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("problems",
					new FormProblems("history",
							List.of(FieldProblem.of(ProblemCode.MENU_VERSION_UNKNOWN, "version", version, id))));
		}
		return "redirect:" + path(id) + "#history";
	}

	/** Each prompt key the menu plays, with its text in every language, so operators read what callers hear. */
	private List<Texts> texts(Menu menu) {
		Set<String> keys = new LinkedHashSet<>();
		keys.add(menu.welcome());
		if (menu.choice() != null) {
			keys.add(menu.choice().prompt());
			keys.add(menu.choice().invalidPrompt());
			keys.add(menu.choice().noInputPrompt());
			menu.choice().options().stream().filter(Objects::nonNull).map(Option::message).forEach(keys::add);
		}
		return keys.stream()
			.filter(Objects::nonNull)
			.map(key -> new Texts(key, text("nl", key), text("en", key)))
			.toList();
	}

	private @Nullable String text(String language, String key) {
		return catalogue.text(new Prompt(language, key)).orElse(null);
	}

	private static String path(long id) {
		return "/operator/helplines/" + id + "/menu";
	}

	/** @param nl null when the prompt has no Dutch text */
	record Texts(String key, @Nullable String nl, @Nullable String en) {
	}

	/** @param inForce whether callers hear this version now */
	record Version(int version, @Nullable String when, @Nullable String by, @Nullable Integer restoredFrom,
			boolean inForce) {

		static Version of(MenuVersion v, ZoneId zone, int current) {
			return new Version(v.version(), v.createdAt() == null ? null : WHEN.format(v.createdAt().atZone(zone)),
					v.createdBy(), v.restoredFrom(), v.version() == current);
		}

	}

}
