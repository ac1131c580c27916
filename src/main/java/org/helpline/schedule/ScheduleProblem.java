package org.helpline.schedule;

import java.util.Arrays;
import java.util.List;

/**
 * One validation error; {@code field} uses the web form's names, e.g. {@code weekly[3]}.
 * {@code code} and {@code args} name its text in {@code i18n/problems}, as a
 * {@code FieldProblem}'s do.
 */
public record ScheduleProblem(String field, String code, List<String> args) {

	/** Every reason a schedule is refused; its text is {@code problem.<code>}. */
	public enum Code {

		END_BEFORE_START("schedule.end-before-start"),
		LAST_DAY_BEFORE_FIRST_DAY("schedule.last-day-before-first-day"),
		OVERLAP("schedule.overlap"),
		UNKNOWN_COUNTRY("schedule.unknown-country"),
		UNKNOWN_HOLIDAY("schedule.unknown-holiday"),
		UNKNOWN_TIME_ZONE("schedule.unknown-time-zone");

		private final String code;

		Code(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

	public ScheduleProblem {
		args = (args != null) ? List.copyOf(args) : List.of();
	}

	/** {@code args} are the values its text inserts, in order. */
	static ScheduleProblem of(Code code, String field, Object... args) {
		return new ScheduleProblem(field, code.code(), Arrays.stream(args).map(String::valueOf).toList());
	}

}
