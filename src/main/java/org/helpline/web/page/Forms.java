package org.helpline.web.page;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.helpline.helplines.FieldProblem;
import org.jspecify.annotations.Nullable;

/** Form fields arrive as text, so a bad value is named next to its field instead of a 400. */
final class Forms {

	private Forms() {
	}

	static @Nullable Integer integer(@Nullable String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(FieldProblem.of("form.not-a-number", field, "'" + text + "' is not a whole number", text));
			return null;
		}
	}

	static @Nullable LocalDate date(@Nullable String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of("form.not-a-date", field,
					"'" + text + "' is not a date like 2027-01-05", text));
			return null;
		}
	}

	static @Nullable LocalTime time(@Nullable String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(FieldProblem.of("form.required", field, "is required"));
			return null;
		}
		try {
			return LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of("form.not-a-time", field, "'" + text + "' is not a time like 09:00", text));
			return null;
		}
	}

	/**
	 * The keys a caller presses at each question of the menu, as {@code /api/preview} takes
	 * them: {@code -} for no key ({@code -2}: nothing at the first question, 2 at the second).
	 */
	static List<@Nullable String> keys(@Nullable String text, String field, List<FieldProblem> problems) {
		List<@Nullable String> pressed = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return pressed;
		}
		for (char key : text.toCharArray()) {
			if (key == '-') {
				pressed.add(null);
			}
			else if ((key >= '0' && key <= '9') || key == '*' || key == '#') {
				pressed.add(String.valueOf(key));
			}
			else if (key != ',' && !Character.isWhitespace(key)) {
				problems.add(FieldProblem.of("form.not-keys", field,
						"'" + text + "' is not a list of keys like 2 or -,-,2 (0-9, * or #; - for no key)", text));
				return List.of();
			}
		}
		return pressed;
	}

	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	static @Nullable String orNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
