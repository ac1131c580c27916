package org.helpline.web.page;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.helpline.menu.Action;
import org.helpline.menu.Choice;
import org.helpline.menu.Menu;
import org.helpline.menu.Option;

/**
 * The menu as the form sends it: text everywhere, the options as parallel columns. Rows
 * left wholly empty are ignored; the form offers a few to fill in.
 *
 * @param languages in order, separated by commas or spaces
 * @param skipPromptOnKey {@code on} when checked
 */
record MenuForm(String welcome, String languages, String skipPromptOnKey, String prompt, String timeoutSeconds,
		String repeats, String defaultDigit, String invalidPrompt, String noInputPrompt, List<String> digit,
		List<String> action, List<String> callerGroup, List<String> language, List<String> message) {

	static MenuForm of(Menu menu) {
		var choice = menu.choice();
		List<Option> options = choice == null ? List.of()
				: choice.options().stream().filter(Objects::nonNull).toList();
		return new MenuForm(menu.welcome(), String.join(", ", menu.languages()),
				menu.skipPromptOnKey() ? "on" : "", choice == null ? "" : Objects.toString(choice.prompt(), ""),
				choice == null ? "5" : Integer.toString(choice.timeoutSeconds()),
				choice == null ? "2" : Integer.toString(choice.repeats()),
				choice == null ? "" : Objects.toString(choice.defaultDigit(), ""),
				choice == null ? "" : Objects.toString(choice.invalidPrompt(), ""),
				choice == null ? "" : Objects.toString(choice.noInputPrompt(), ""),
				column(options, Option::digit), column(options, o -> o.action() == null ? "" : o.action().name()),
				column(options, Option::callerGroup), column(options, Option::language),
				column(options, Option::message));
	}

	/**
	 * The menu to validate. A question left empty with no options means a welcome only.
	 * A number that is missing or not a number is sent out of range on purpose, so the
	 * menu's own validation names the field.
	 */
	Menu toMenu() {
		List<Row> rows = filled();
		List<String> spoken = Forms.blank(languages) ? List.of()
				: Arrays.stream(languages.strip().toLowerCase(Locale.ROOT).split("[,\\s]+")).toList();
		Choice choice = Forms.blank(prompt) && rows.isEmpty() ? null
				: new Choice(Forms.orNull(prompt), rows.stream().map(Row::option).toList(),
						number(timeoutSeconds), number(repeats), Forms.orNull(defaultDigit),
						Forms.orNull(invalidPrompt), Forms.orNull(noInputPrompt));
		return new Menu(Forms.orNull(welcome), spoken, choice, "on".equals(skipPromptOnKey));
	}

	/** Without its empty rows, so the n-th row is the menu's option n that problems name. */
	MenuForm compacted() {
		List<Row> rows = filled();
		return new MenuForm(welcome, languages, skipPromptOnKey, prompt, timeoutSeconds, repeats, defaultDigit,
				invalidPrompt, noInputPrompt, rows.stream().map(Row::digit).toList(),
				rows.stream().map(Row::action).toList(), rows.stream().map(Row::callerGroup).toList(),
				rows.stream().map(Row::language).toList(), rows.stream().map(Row::message).toList());
	}

	/** The rows to show: the filled ones, then {@code empty} more. */
	List<Row> rows(int empty) {
		return Stream.concat(filled().stream(), Stream.generate(() -> new Row("", "", "", "", "")).limit(empty))
			.toList();
	}

	private List<Row> filled() {
		int count = Stream.of(digit, action, callerGroup, language, message)
			.mapToInt(c -> c == null ? 0 : c.size())
			.max()
			.orElse(0);
		return IntStream.range(0, count)
			.mapToObj(i -> new Row(at(digit, i), at(action, i), at(callerGroup, i), at(language, i), at(message, i)))
			.filter(row -> !row.empty())
			.toList();
	}

	private static int number(String text) {
		try {
			return Forms.blank(text) ? -1 : Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String at(List<String> column, int i) {
		return column != null && i < column.size() && column.get(i) != null ? column.get(i) : "";
	}

	private static List<String> column(List<Option> options, Function<Option, String> value) {
		return options.stream().map(o -> Objects.toString(value.apply(o), "")).toList();
	}

	/** One option as the form shows it. */
	record Row(String digit, String action, String callerGroup, String language, String message) {

		boolean empty() {
			return Stream.of(digit, action, callerGroup, language, message).allMatch(Forms::blank);
		}

		/** The group and language only where the action uses them, so the stored menu says what it does. */
		Option option() {
			Action chosen = Arrays.stream(Action.values())
				.filter(a -> a.name().equals(action.strip()))
				.findFirst()
				.orElse(null);
			return new Option(Forms.orNull(digit), chosen, chosen == Action.QUEUE ? Forms.orNull(callerGroup) : null,
					chosen == Action.LANGUAGE ? Forms.orNull(language) : null, Forms.orNull(message));
		}

	}

}
