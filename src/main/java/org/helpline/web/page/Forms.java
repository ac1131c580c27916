package org.helpline.web.page;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.helpline.helplines.FieldProblem;

/** Form fields arrive as text, so a bad value is named next to its field instead of a 400. */
final class Forms {

	private Forms() {
	}

	static Integer integer(String text, String field, List<FieldProblem> problems) {
		if (blank(text)) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "'" + text + "' is not a whole number"));
			return null;
		}
	}

	static LocalDate date(String text, String field, List<FieldProblem> problems) {
		if (blank(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "'" + text + "' is not a date like 2027-01-05"));
			return null;
		}
	}

	static LocalTime time(String text, String field, List<FieldProblem> problems) {
		if (blank(text)) {
			problems.add(new FieldProblem(field, "is required"));
			return null;
		}
		try {
			return LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "'" + text + "' is not a time like 09:00"));
			return null;
		}
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static String orNull(String text) {
		return blank(text) ? null : text.strip();
	}

}
