package org.helpline.helplines;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * One reason a change was refused, naming the field an operator has to fix. {@code code} (null
 * for problems only the API can produce) names its text {@code problem.<code>} in
 * {@code i18n/problems}, filled in with {@code args}: the API (in English) and the pages (in
 * theirs) resolve it there alike. {@code message} is the English text to fall back on.
 */
public record FieldProblem(String field, String message, @Nullable String code, List<String> args)
		implements MessageSourceResolvable {

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

	@Override
	public String[] getCodes() {
		return code == null ? new String[0] : new String[] { "problem." + code };
	}

	@Override
	public Object[] getArguments() {
		return args.toArray();
	}

	@Override
	public String getDefaultMessage() {
		return message;
	}

	/** The same problem, named after another field of the form. */
	public FieldProblem at(String otherField) {
		return new FieldProblem(otherField, message, code, args);
	}

}
