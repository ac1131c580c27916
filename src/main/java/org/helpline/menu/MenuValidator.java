package org.helpline.menu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.helpline.callflow.Prompt;
import org.helpline.callflow.PromptCatalogue;
import org.helpline.helplines.FieldProblem;
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
			problems.add(FieldProblem.of("menu.timeout-range", "choice.timeoutSeconds",
					"must be between 1 and 30 seconds"));
		}
		if (choice.repeats() < 0 || choice.repeats() > 5) {
			problems.add(FieldProblem.of("menu.repeats-range", "choice.repeats", "must be between 0 and 5"));
		}
		options(choice.options(), languages, keys, problems);
		defaultDigit(choice, problems);
		return problems;
	}

	private static List<String> languages(List<String> languages, List<FieldProblem> problems) {
		if (languages.isEmpty()) {
			problems.add(FieldProblem.of("menu.language-required", "languages", "at least one language is required"));
		}
		List<String> known = new ArrayList<>();
		for (int i = 0; i < languages.size(); i++) {
			String language = languages.get(i);
			if (language == null || !PromptCatalogue.LANGUAGES.contains(language)) {
				problems.add(FieldProblem.of("menu.unknown-language", "languages[" + i + "]",
						"must be one of " + PromptCatalogue.LANGUAGES + ", not '" + language + "'",
						PromptCatalogue.LANGUAGES, language));
			}
			else if (known.contains(language)) {
				problems.add(FieldProblem.of("menu.language-twice", "languages[" + i + "]",
						language + " is listed twice", language));
			}
			else {
				known.add(language);
			}
		}
		return known;
	}

	private void options(List<Option> options, List<String> languages, Keys keys, List<FieldProblem> problems) {
		if (options.isEmpty()) {
			problems.add(FieldProblem.of("menu.option-required", "choice.options", "at least one option is required"));
			return;
		}
		Map<String, Integer> firstWithDigit = new HashMap<>();
		for (int i = 0; i < options.size(); i++) {
			String field = "choice.options[" + i + "]";
			Option option = options.get(i);
			if (option == null) {
				problems.add(FieldProblem.of("menu.option-empty", field, "an option is required here"));
				continue;
			}
			if (option.digit() == null || !DIGIT.matcher(option.digit()).matches()) {
				problems.add(FieldProblem.of("menu.digit-invalid", field + ".digit",
						"must be one of 0-9, * or #, not '" + option.digit() + "'", option.digit()));
			}
			else if (firstWithDigit.putIfAbsent(option.digit(), i) != null) {
				problems.add(FieldProblem.of("menu.digit-twice", field + ".digit",
						"digit " + option.digit() + " is already option " + firstWithDigit.get(option.digit()),
						option.digit(), firstWithDigit.get(option.digit())));
			}
			leadsSomewhere(option, field, languages, keys, problems);
		}
		if (options.stream().noneMatch(o -> o != null && o.endsMenu())) {
			problems.add(FieldProblem.of("menu.no-end", "choice.options",
					"no option ends the menu: at least one must be QUEUE or MESSAGE_AND_HANG_UP, else the caller "
							+ "can never leave it"));
		}
	}

	private void leadsSomewhere(Option option, String field, List<String> languages, Keys keys,
			List<FieldProblem> problems) {
		if (option.action() == null) {
			problems.add(FieldProblem.of("menu.action-invalid", field + ".action",
					"must be one of QUEUE, MESSAGE_AND_RETURN, MESSAGE_AND_HANG_UP, LANGUAGE"));
			return;
		}
		switch (option.action()) {
			case QUEUE -> {
				if (option.callerGroup() == null || !callerGroups.contains(option.callerGroup())) {
					problems.add(FieldProblem.of("menu.caller-group-invalid", field + ".callerGroup",
							"must be one of " + callerGroups + ", not '" + option.callerGroup() + "'", callerGroups,
							option.callerGroup()));
				}
				keys.optional(field + ".message", option.message());
			}
			case MESSAGE_AND_RETURN, MESSAGE_AND_HANG_UP -> {
				if (option.message() == null) {
					problems.add(FieldProblem.of("menu.message-required", field + ".message",
							option.action() + " needs a message to play", option.action()));
				}
				else {
					keys.required(field + ".message", option.message());
				}
			}
			case LANGUAGE -> {
				if (!languages.contains(option.language())) {
					problems.add(FieldProblem.of("menu.language-not-in-menu", field + ".language",
							"must be one of the menu's languages " + languages + ", not '" + option.language() + "'",
							languages, option.language()));
				}
				keys.optional(field + ".message", option.message());
			}
		}
	}

	private static void defaultDigit(Choice choice, List<FieldProblem> problems) {
		String field = "choice.defaultDigit";
		if (choice.defaultDigit() == null) {
			problems.add(FieldProblem.of("menu.default-required", field,
					"is required: the option taken when the caller presses no valid key"));
			return;
		}
		Option option = choice.option(choice.defaultDigit());
		if (option == null) {
			problems.add(FieldProblem.of("menu.default-unknown", field, "no option has digit " + choice.defaultDigit(),
					choice.defaultDigit()));
		}
		else if (option.action() == Action.MESSAGE_AND_RETURN) {
			problems.add(FieldProblem.of("menu.default-returns", field, "option " + option.digit()
					+ " plays a message and returns to the menu; the default must end the menu", option.digit()));
		}
		else if (option.action() == Action.LANGUAGE) {
			problems.add(FieldProblem.of("menu.default-switches-language", field, "option " + option.digit()
					+ " switches the language and returns to the menu; the default must end the menu", option.digit()));
		}
	}

	/** Checks that each prompt key the menu plays has a text in each of its languages. */
	private record Keys(List<String> languages, PromptExists prompts, List<FieldProblem> problems) {

		void required(String field, @Nullable String key) {
			if (key == null || key.isBlank()) {
				problems.add(FieldProblem.of("menu.prompt-required", field, "a prompt key is required"));
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
				problems.add(FieldProblem.of("menu.prompt-text-missing", field,
						"prompt '" + key + "' has no text in " + String.join(", ", missing), key,
						String.join(", ", missing)));
			}
		}

	}

}
