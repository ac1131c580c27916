package org.helpline.helplines;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an operator sets on a helpline itself; its schedule is changed piece by piece.
 * Values arrive unchecked (as strings) so that {@link Helplines} can name every bad field.
 */
public record HelplineSettings(String name, List<String> numbers, String timeZone, String country, String language,
		@Nullable Integer ringTimeoutSeconds) {

	/** Left out, a helpline is Dutch: Amsterdam time, Dutch holidays, Dutch prompts (then English). */
	public HelplineSettings {
		timeZone = timeZone == null ? "Europe/Amsterdam" : timeZone;
		country = country == null ? "NL" : country;
		language = language == null ? "nl" : language;
	}

}
