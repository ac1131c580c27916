package org.helpline.web;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why a change was refused, in words from {@code i18n/problems}: the API asks for English, a
 * page for its own language, so both show the same text for the same problem.
 */
@Component("problemTexts")
public class ProblemTexts {

	private final MessageSource messages;

	public ProblemTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** The problem's text in the current request's language (for the pages). */
	public String text(MessageSourceResolvable problem) {
		return text(problem, LocaleContextHolder.getLocale());
	}

	/**
	 * The problem's text in {@code locale}; an API-only problem's own text when it has no code,
	 * and the code itself when a code has no text, so a missing text shows rather than nothing.
	 */
	public String text(MessageSourceResolvable problem, Locale locale) {
		for (String code : problem.getCodes() == null ? new String[0] : problem.getCodes()) {
			String pattern = messages.getMessage(code, null, null, locale);
			if (pattern != null) {
				// Formatted here, not by the message source: it leaves texts without arguments
				// unparsed, and then a doubled apostrophe would show as two.
				return new MessageFormat(pattern, locale).format(problem.getArguments());
			}
		}
		String text = problem.getDefaultMessage();
		if (text != null) {
			return text;
		}
		String[] codes = problem.getCodes();
		return (codes != null && codes.length > 0) ? codes[0] : "";
	}

}
