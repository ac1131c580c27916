package org.helpline.web.page;

import java.text.MessageFormat;
import java.util.Locale;

import org.helpline.helplines.FieldProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why a form was refused, in the page's language: the domain words its problems in English
 * (for the API) and names the same text as {@code problem.<code>} in {@code i18n/problems}.
 */
@Component("problemTexts")
public class ProblemTexts {

	private final MessageSource messages;

	ProblemTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** The problem's text in the current request's language; English when it has no translation. */
	public String text(FieldProblem problem) {
		if (problem.code() == null) {
			return problem.message();
		}
		Locale locale = LocaleContextHolder.getLocale();
		String pattern = messages.getMessage("problem." + problem.code(), null, null, locale);
		if (pattern == null) {
			return problem.message();
		}
		// Formatted here, not by the message source: it leaves texts without arguments unparsed,
		// and then a doubled apostrophe would show as two.
		return new MessageFormat(pattern, locale).format(problem.args().toArray());
	}

}
