package org.helpline.helplines;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One reason a change was refused, naming the field an operator has to fix. {@code message} is
 * the English text the API shows; {@code code} (null for problems only the API can produce)
 * names the same text in the pages' languages, filled in with {@code args}.
 */
public record FieldProblem(String field, String message, @Nullable String code, List<String> args) {

	public FieldProblem {
		args = (args != null) ? List.copyOf(args) : List.of();
	}

	/** A problem only the API can produce, such as an unreadable request body. */
	public FieldProblem(String field, String message) {
		this(field, message, null, List.of());
	}

	/**
	 * A problem a page can show. {@code args} are the values {@code message} inserts, in order;
	 * kept as the text the message shows, so a translation prints them exactly alike (7200, not
	 * 7.200).
	 */
	public static FieldProblem of(String code, String field, String message, @Nullable Object... args) {
		return new FieldProblem(field, message, code, Arrays.stream(args).map(String::valueOf).toList());
	}

	/** The same problem, named after another field of the form. */
	public FieldProblem at(String otherField) {
		return new FieldProblem(otherField, message, code, args);
	}

}
