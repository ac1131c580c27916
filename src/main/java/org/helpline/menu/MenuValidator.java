package org.helpline.menu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.helpline.callflow.Prompt;
import org.helpline.callflow.PromptCatalogue;
import org.helpline.helplines.FieldProblem;

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
			problems.add(new FieldProblem("choice.timeoutSeconds", "must be between 1 and 30 seconds"));
		}
		if (choice.repeats() < 0 || choice.repeats() > 5) {
			problems.add(new FieldProblem("choice.repeats", "must be between 0 and 5"));
		}
		options(choice.options(), languages, keys, problems);
		defaultDigit(choice, problems);
		return problems;
	}

	private static List<String> languages(List<String> languages, List<FieldProblem> problems) {
		if (languages.isEmpty()) {
			problems.add(new FieldProblem("languages", "at least one language is required"));
		}
		List<String> known = new ArrayList<>();
		for (int i = 0; i < languages.size(); i++) {
			String language = languages.get(i);
			if (language == null || !PromptCatalogue.LANGUAGES.contains(language)) {
				problems.add(new FieldProblem("languages[" + i + "]",
						"must be one of " + PromptCatalogue.LANGUAGES + ", not '" + language + "'"));
			}
			else if (known.contains(language)) {
				problems.add(new FieldProblem("languages[" + i + "]", language + " is listed twice"));
			}
			else {
				known.add(language);
			}
		}
		return known;
	}

	private void options(List<Option> options, List<String> languages, Keys keys, List<FieldProblem> problems) {
		if (options.isEmpty()) {
			problems.add(new FieldProblem("choice.options", "at least one option is required"));
			return;
		}
		Map<String, Integer> firstWithDigit = new HashMap<>();
		for (int i = 0; i < options.size(); i++) {
			String field = "choice.options[" + i + "]";
			Option option = options.get(i);
			if (option == null) {
				problems.add(new FieldProblem(field, "an option is required here"));
				continue;
			}
			if (option.digit() == null || !DIGIT.matcher(option.digit()).matches()) {
				problems.add(new FieldProblem(field + ".digit", "must be one of 0-9, * or #, not '" + option.digit() + "'"));
			}
			else if (firstWithDigit.putIfAbsent(option.digit(), i) != null) {
				problems.add(new FieldProblem(field + ".digit",
						"digit " + option.digit() + " is already option " + firstWithDigit.get(option.digit())));
			}
			leadsSomewhere(option, field, languages, keys, problems);
		}
		if (options.stream().noneMatch(o -> o != null && o.endsMenu())) {
			problems.add(new FieldProblem("choice.options", "no option ends the menu: at least one must be QUEUE or "
					+ "MESSAGE_AND_HANG_UP, else the caller can never leave it"));
		}
	}

	private void leadsSomewhere(Option option, String field, List<String> languages, Keys keys,
			List<FieldProblem> problems) {
		if (option.action() == null) {
			problems.add(new FieldProblem(field + ".action",
					"must be one of QUEUE, MESSAGE_AND_RETURN, MESSAGE_AND_HANG_UP, LANGUAGE"));
			return;
		}
		switch (option.action()) {
			case QUEUE -> {
				if (option.callerGroup() == null || !callerGroups.contains(option.callerGroup())) {
					problems.add(new FieldProblem(field + ".callerGroup",
							"must be one of " + callerGroups + ", not '" + option.callerGroup() + "'"));
				}
				keys.optional(field + ".message", option.message());
			}
			case MESSAGE_AND_RETURN, MESSAGE_AND_HANG_UP -> {
				if (option.message() == null) {
					problems.add(new FieldProblem(field + ".message", option.action() + " needs a message to play"));
				}
				else {
					keys.required(field + ".message", option.message());
				}
			}
			case LANGUAGE -> {
				if (!languages.contains(option.language())) {
					problems.add(new FieldProblem(field + ".language",
							"must be one of the menu's languages " + languages + ", not '" + option.language() + "'"));
				}
				keys.optional(field + ".message", option.message());
			}
		}
	}

	private static void defaultDigit(Choice choice, List<FieldProblem> problems) {
		String field = "choice.defaultDigit";
		if (choice.defaultDigit() == null) {
			problems.add(new FieldProblem(field, "is required: the option taken when the caller presses no valid key"));
			return;
		}
		Option option = choice.option(choice.defaultDigit());
		if (option == null) {
			problems.add(new FieldProblem(field, "no option has digit " + choice.defaultDigit()));
		}
		else if (option.action() == Action.MESSAGE_AND_RETURN) {
			problems.add(new FieldProblem(field, "option " + option.digit()
					+ " plays a message and returns to the menu; the default must end the menu"));
		}
		else if (option.action() == Action.LANGUAGE) {
			problems.add(new FieldProblem(field, "option " + option.digit()
					+ " switches the language and returns to the menu; the default must end the menu"));
		}
	}

	/** Checks that each prompt key the menu plays has a text in each of its languages. */
	private record Keys(List<String> languages, PromptExists prompts, List<FieldProblem> problems) {

		void required(String field, String key) {
			if (key == null || key.isBlank()) {
				problems.add(new FieldProblem(field, "a prompt key is required"));
			}
			else {
				exists(field, key);
			}
		}

		/** {@code null} plays nothing; a blank key is a mistake, not "nothing". */
		void optional(String field, String key) {
			if (key != null) {
				required(field, key);
			}
		}

		private void exists(String field, String key) {
			List<String> missing = languages.stream().filter(l -> !prompts.exists(new Prompt(l, key))).toList();
			if (!missing.isEmpty()) {
				problems.add(new FieldProblem(field, "prompt '" + key + "' has no text in " + String.join(", ", missing)));
			}
		}

	}

}
