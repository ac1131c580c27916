package org.helpline.menu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.ProblemCode;
import org.helpline.prompts.Prompt;
import org.helpline.prompts.PromptCatalogue;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a menu a caller could not get through: a key that leads nowhere, a default that
 * returns to the menu (the caller would loop for ever), a prompt that has no recording in a
 * language the menu speaks. Problems are named after the menu's fields as the API shows them.
 */
public final class MenuValidator {

	private static final Pattern DIGIT = Pattern.compile("[0-9*#]");

	private final List<String> callerGroups;

	/** @param callerGroups the caller groups a QUEUE option may name (helpline.statistics.caller-groups) */
	public MenuValidator(List<String> callerGroups) {
		this.callerGroups = List.copyOf(callerGroups);
	}

	/** Whether a prompt has a text (and so a recording) in a language. */
	@FunctionalInterface
	public interface PromptExists {

		boolean exists(Prompt prompt);

	}

	/** Every problem of the menu; empty when a caller can get through it in every language. */
	public List<FieldProblem> problems(Menu menu, PromptExists prompts) {
		List<FieldProblem> problems = new ArrayList<>();
		List<String> languages = languages(menu.languages(), problems);
		Keys keys = new Keys(languages, prompts, problems);
		keys.required("welcome", menu.welcome());
		Choice choice = menu.choice();
		if (choice == null) {
			return problems;
		}
		keys.required("choice.prompt", choice.prompt());
		keys.optional("choice.invalidPrompt", choice.invalidPrompt());
		keys.optional("choice.noInputPrompt", choice.noInputPrompt());
		if (choice.timeoutSeconds() < 1 || choice.timeoutSeconds() > 30) {
			problems.add(FieldProblem.of(ProblemCode.MENU_TIMEOUT_RANGE, "choice.timeoutSeconds"));
		}
		if (choice.repeats() < 0 || choice.repeats() > 5) {
			problems.add(FieldProblem.of(ProblemCode.MENU_REPEATS_RANGE, "choice.repeats"));
		}
		options(choice.options(), languages, keys, problems);
		defaultDigit(choice, problems);
		return problems;
	}

	private static List<String> languages(List<String> languages, List<FieldProblem> problems) {
		if (languages.isEmpty()) {
			problems.add(FieldProblem.of(ProblemCode.MENU_LANGUAGE_REQUIRED, "languages"));
		}
		List<String> known = new ArrayList<>();
		for (int i = 0; i < languages.size(); i++) {
			String language = languages.get(i);
			if (language == null || !PromptCatalogue.LANGUAGES.contains(language)) {
				problems.add(FieldProblem.of(ProblemCode.MENU_UNKNOWN_LANGUAGE, "languages[" + i + "]",
						PromptCatalogue.LANGUAGES, language));
			}
			else if (known.contains(language)) {
				problems.add(FieldProblem.of(ProblemCode.MENU_LANGUAGE_TWICE, "languages[" + i + "]", language));
			}
			else {
				known.add(language);
			}
		}
		return known;
	}

	private void options(List<Option> options, List<String> languages, Keys keys, List<FieldProblem> problems) {
		if (options.isEmpty()) {
			problems.add(FieldProblem.of(ProblemCode.MENU_OPTION_REQUIRED, "choice.options"));
			return;
		}
		Map<String, Integer> firstWithDigit = new HashMap<>();
		for (int i = 0; i < options.size(); i++) {
			String field = "choice.options[" + i + "]";
			Option option = options.get(i);
			if (option == null) {
				problems.add(FieldProblem.of(ProblemCode.MENU_OPTION_EMPTY, field));
				continue;
			}
			if (option.digit() == null || !DIGIT.matcher(option.digit()).matches()) {
				problems.add(FieldProblem.of(ProblemCode.MENU_DIGIT_INVALID, field + ".digit", option.digit()));
			}
			else if (firstWithDigit.putIfAbsent(option.digit(), i) != null) {
				problems.add(FieldProblem.of(ProblemCode.MENU_DIGIT_TWICE, field + ".digit", option.digit(),
						firstWithDigit.get(option.digit())));
			}
			leadsSomewhere(option, field, languages, keys, problems);
		}
		if (options.stream().noneMatch(o -> o != null && o.endsMenu())) {
			problems.add(FieldProblem.of(ProblemCode.MENU_NO_END, "choice.options"));
		}
	}

	private void leadsSomewhere(Option option, String field, List<String> languages, Keys keys,
			List<FieldProblem> problems) {
		if (option.action() == null) {
			problems.add(FieldProblem.of(ProblemCode.MENU_ACTION_INVALID, field + ".action"));
			return;
		}
		switch (option.action()) {
			case QUEUE -> {
				if (option.callerGroup() == null || !callerGroups.contains(option.callerGroup())) {
					problems.add(FieldProblem.of(ProblemCode.MENU_CALLER_GROUP_INVALID, field + ".callerGroup",
							callerGroups, option.callerGroup()));
				}
				keys.optional(field + ".message", option.message());
			}
			case MESSAGE_AND_RETURN, MESSAGE_AND_HANG_UP -> {
				if (option.message() == null) {
					problems.add(FieldProblem.of(ProblemCode.MENU_MESSAGE_REQUIRED, field + ".message",
							option.action()));
				}
				else {
					keys.required(field + ".message", option.message());
				}
			}
			case LANGUAGE -> {
				if (!languages.contains(option.language())) {
					problems.add(FieldProblem.of(ProblemCode.MENU_LANGUAGE_NOT_IN_MENU, field + ".language", languages,
							option.language()));
				}
				keys.optional(field + ".message", option.message());
			}
		}
	}

	private static void defaultDigit(Choice choice, List<FieldProblem> problems) {
		String field = "choice.defaultDigit";
		if (choice.defaultDigit() == null) {
			problems.add(FieldProblem.of(ProblemCode.MENU_DEFAULT_REQUIRED, field));
			return;
		}
		Option option = choice.option(choice.defaultDigit());
		if (option == null) {
			problems.add(FieldProblem.of(ProblemCode.MENU_DEFAULT_UNKNOWN, field, choice.defaultDigit()));
		}
		else if (option.action() == Action.MESSAGE_AND_RETURN) {
			problems.add(FieldProblem.of(ProblemCode.MENU_DEFAULT_RETURNS, field, option.digit()));
		}
		else if (option.action() == Action.LANGUAGE) {
			problems.add(FieldProblem.of(ProblemCode.MENU_DEFAULT_SWITCHES_LANGUAGE, field, option.digit()));
		}
	}

	/** Checks that each prompt key the menu plays has a text in each of its languages. */
	private record Keys(List<String> languages, PromptExists prompts, List<FieldProblem> problems) {

		void required(String field, @Nullable String key) {
			if (key == null || key.isBlank()) {
				problems.add(FieldProblem.of(ProblemCode.MENU_PROMPT_REQUIRED, field));
			}
			else {
				exists(field, key);
			}
		}

		/** {@code null} plays nothing; a blank key is a mistake, not "nothing". */
		void optional(String field, @Nullable String key) {
			if (key != null) {
				required(field, key);
			}
		}

		private void exists(String field, String key) {
			List<String> missing = languages.stream().filter(l -> !prompts.exists(new Prompt(l, key))).toList();
			if (!missing.isEmpty()) {
				problems.add(FieldProblem.of(ProblemCode.MENU_PROMPT_TEXT_MISSING, field, key,
						String.join(", ", missing)));
			}
		}

	}

}
