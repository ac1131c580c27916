package org.helpline.caller;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A language a caller hears and a counsellor speaks, as an ISO 639 code: {@code nl}, {@code en}.
 * Read case-blind, always held lower-case.
 */
public record Language(String code) {

	private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

	public static final Language DUTCH = new Language("nl");

	public static final Language ENGLISH = new Language("en");

	public Language {
		if (code == null || !CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("'" + code + "' is not a language code");
		}
	}

	/** The language a text names, however it is spelled; empty when it names none. */
	public static Optional<Language> parse(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		String code = text.strip().toLowerCase(Locale.ROOT);
		return CODE.matcher(code).matches() ? Optional.of(new Language(code)) : Optional.empty();
	}

	/** A code that must be there (a helpline's, a counsellor's, a queued caller's): refused when it is not one. */
	public static Language required(@Nullable String text) {
		Language language = of(text);
		if (language == null) {
			throw new IllegalArgumentException("a language code is required");
		}
		return language;
	}

	/** Like {@link #parse}, for text already checked: null for none, refused when it is not a code. */
	public static @Nullable Language of(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a language code"));
	}

	/** Labels exist in Dutch and English; any other language reads the English ones. */
	boolean isDutch() {
		return equals(DUTCH);
	}

	@Override
	public String toString() {
		return code;
	}

}
