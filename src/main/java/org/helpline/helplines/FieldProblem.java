package org.helpline.helplines;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * One reason a change was refused, naming the field an operator has to fix. A {@code code} names
 * its text {@code problem.<code>} in {@code i18n/problems}, filled in with {@code args}: the API
 * (in English) and the pages (in theirs) resolve it there alike. Only a problem the API alone can
 * produce, such as an unreadable request body, has no code and carries its own {@code text}.
 */
public record FieldProblem(String field, @Nullable String code, List<String> args, @Nullable String text)
		implements MessageSourceResolvable {

	// Where no MessageSource is at hand: exception messages, import reports.
	private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n.problems", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	public FieldProblem {
		args = (args != null) ? List.copyOf(args) : List.of();
	}

	/** A problem only the API can produce, such as an unreadable request body. */
	public FieldProblem(String field, String text) {
		this(field, null, List.of(), text);
	}

	/**
	 * A problem a page can show. {@code args} are the values its text inserts, in order; kept as
	 * the text the message shows, so a translation prints them exactly alike (7200, not 7.200).
	 */
	public static FieldProblem of(ProblemCode code, String field, @Nullable Object... args) {
		return new FieldProblem(field, code.code(), Arrays.stream(args).map(String::valueOf).toList(), null);
	}

	/** The problem in English, its code's text from {@code i18n/problems}. */
	public String message() {
		if (code == null || !ENGLISH.containsKey("problem." + code)) {
			return text != null ? text : "problem." + code;
		}
		// Formatted even without arguments, as the pages do, so a doubled apostrophe shows as one.
		return new MessageFormat(ENGLISH.getString("problem." + code), Locale.ENGLISH).format(args.toArray());
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
	public @Nullable String getDefaultMessage() {
		return text;
	}

	/** The same problem, named after another field of the form. */
	public FieldProblem at(String otherField) {
		return new FieldProblem(otherField, code, args, text);
	}

}
