package org.helpline.web.page;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.ProblemCode;
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
			problems.add(FieldProblem.of(ProblemCode.FORM_NOT_A_NUMBER, field, text));
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
			problems.add(FieldProblem.of(ProblemCode.FORM_NOT_A_DATE, field, text));
			return null;
		}
	}

	static @Nullable LocalTime time(@Nullable String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(FieldProblem.of(ProblemCode.FORM_REQUIRED, field));
			return null;
		}
		try {
			return LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(ProblemCode.FORM_NOT_A_TIME, field, text));
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
				problems.add(FieldProblem.of(ProblemCode.FORM_NOT_KEYS, field, text));
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
