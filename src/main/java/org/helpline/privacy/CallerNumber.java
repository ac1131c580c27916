package org.helpline.privacy;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The raw caller number, held in memory for the length of a call only. {@link #toString()}
 * never shows it, so a call object can be logged or put in an exception message safely.
 * Whether the text is a real number is decided later, against the helpline's country
 * ({@link Pseudonyms}); here only what is plainly no number counts as withheld.
 */
public final class CallerNumber {

	// What Asterisk and carriers put in CALLERID(num) when the caller hides the number.
	private static final Set<String> WITHHELD_WORDS = Set.of("anonymous", "unknown", "unavailable", "restricted",
			"private", "withheld", "blocked");

	// Longer than any phone number with prefixes and separators: not worth holding on to.
	private static final int MAX_LENGTH = 40;

	private static final CallerNumber WITHHELD = new CallerNumber(null);

	private final @Nullable String raw;

	private CallerNumber(@Nullable String raw) {
		this.raw = raw;
	}

	/**
	 * @param raw the number as Asterisk gives it ({@code +31612345678}, {@code 0612345678},
	 * {@code 0031612345678}), or {@code anonymous}, {@code unknown}, empty or null
	 */
	public static CallerNumber of(String raw) {
		if (raw == null) {
			return WITHHELD;
		}
		String text = raw.strip();
		if (text.isEmpty() || text.length() > MAX_LENGTH || WITHHELD_WORDS.contains(text.toLowerCase(Locale.ROOT))
				|| text.chars().noneMatch(Character::isDigit)) {
			return WITHHELD;
		}
		return new CallerNumber(text);
	}

	public static CallerNumber withheld() {
		return WITHHELD;
	}

	public boolean isWithheld() {
		return raw == null;
	}

	/** The number as given; only the pseudonym code may read it. */
	@Nullable String raw() {
		return raw;
	}

	@Override
	public String toString() {
		return isWithheld() ? "CallerNumber[withheld]" : "CallerNumber[***]";
	}

}
