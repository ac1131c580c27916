package org.helpline.web.page;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.ProblemCode;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** Form fields arrive as text, so a bad value is named next to its field instead of a 400. */
final class Forms {

	// Spring's binding names the type it could not convert to in the error's codes.
	private static final Map<String, ProblemCode> NOT_A = Map.of("typeMismatch.java.lang.Integer",
			ProblemCode.FORM_NOT_A_NUMBER, "typeMismatch.java.lang.Long", ProblemCode.FORM_NOT_A_NUMBER,
			"typeMismatch.java.time.LocalDate", ProblemCode.FORM_NOT_A_DATE, "typeMismatch.java.time.LocalTime",
			ProblemCode.FORM_NOT_A_TIME, "typeMismatch.java.time.LocalDateTime", ProblemCode.FORM_NOT_A_DATE_TIME);

	private Forms() {
	}

	/**
	 * The values Spring's binding could not convert (letters in a number field), in the same
	 * texts as every other refusal, so the page names them beside their fields instead of a 400.
	 */
	static List<FieldProblem> unconverted(BindingResult binding) {
		return binding.getFieldErrors()
			.stream()
			.map(error -> FieldProblem.of(code(error), error.getField(), error.getRejectedValue()))
			.toList();
	}

	private static ProblemCode code(FieldError error) {
		String[] codes = error.getCodes();
		return Arrays.stream(codes == null ? new String[0] : codes)
			.map(NOT_A::get)
			.filter(code -> code != null)
			.findFirst()
			.orElse(ProblemCode.FORM_INVALID);
	}

	/** A field left empty, unless it is named already for a value that was not converted. */
	static void required(@Nullable Object value, String field, List<FieldProblem> problems) {
		if (value == null && problems.stream().noneMatch(p -> p.field().equals(field))) {
			problems.add(FieldProblem.of(ProblemCode.FORM_REQUIRED, field));
		}
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
