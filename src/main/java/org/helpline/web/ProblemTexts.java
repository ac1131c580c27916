package org.helpline.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;

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

	/** The problem's text in {@code locale}; its default (English) message when it has no code or no text there. */
	public String text(MessageSourceResolvable problem, Locale locale) {
		for (String code : problem.getCodes() == null ? new String[0] : problem.getCodes()) {
			String pattern = messages.getMessage(code, null, null, locale);
			if (pattern != null) {
				// Formatted here, not by the message source: it leaves texts without arguments
				// unparsed, and then a doubled apostrophe would show as two.
				return new MessageFormat(pattern, locale).format(problem.getArguments());
			}
		}
		return Objects.toString(problem.getDefaultMessage(), "");
	}

}
