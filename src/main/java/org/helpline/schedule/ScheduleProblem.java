package org.helpline.schedule;

import java.util.Arrays;
import java.util.List;

/**
 * One validation error; {@code field} uses the web form's names, e.g. {@code weekly[3]}.
 * {@code code} and {@code args} name the message for the pages' languages, as a
 * {@code FieldProblem}'s do.
 */
public record ScheduleProblem(String field, String message, String code, List<String> args) {

	public ScheduleProblem {
		args = (args != null) ? List.copyOf(args) : List.of();
	}

	/** {@code args} are the values {@code message} inserts, in order. */
	static ScheduleProblem of(String code, String field, String message, Object... args) {
		return new ScheduleProblem(field, message, code, Arrays.stream(args).map(String::valueOf).toList());
	}

}
