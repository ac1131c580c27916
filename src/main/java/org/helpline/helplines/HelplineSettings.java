package org.helpline.helplines;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an operator sets on a helpline itself; its schedule is changed piece by piece.
 * Values arrive unchecked (as strings) so that {@link Helplines} can name every bad field.
 */
public record HelplineSettings(@Nullable String name, List<String> numbers, String timeZone, String country,
		String language, @Nullable Integer ringTimeoutSeconds) {

	/**
	 * Left out, a helpline is Dutch: Amsterdam time, Dutch holidays, Dutch prompts (then English).
	 * Written out, not compact, so that these may arrive null while the components never are.
	 */
	public HelplineSettings(@Nullable String name, List<String> numbers, @Nullable String timeZone,
			@Nullable String country, @Nullable String language, @Nullable Integer ringTimeoutSeconds) {
		this.name = name;
		this.numbers = numbers;
		this.timeZone = timeZone == null ? "Europe/Amsterdam" : timeZone;
		this.country = country == null ? "NL" : country;
		this.language = language == null ? "nl" : language;
		this.ringTimeoutSeconds = ringTimeoutSeconds;
	}

}
