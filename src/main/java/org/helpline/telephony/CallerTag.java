package org.helpline.telephony;

import java.util.Optional;
import java.util.OptionalInt;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.jspecify.annotations.Nullable;

/**
 * What a counsellor's phone shows about the caller instead of their number: whether they are
 * new this year or how often they called, from the caller's pseudonym. Never the number.
 */
final class CallerTag {

	private CallerTag() {
	}

	/**
	 * The name the counsellor's phone shows: the helpline, who the caller said they are, and
	 * the tag, e.g. {@code Stop it Now - partner/familie - nieuwe beller}.
	 */
	static String displayName(String helpline, @Nullable CallerGroup callerGroup, String tag, Language language) {
		return Optional.ofNullable(callerGroup)
			.flatMap(group -> group.phoneLabel(language))
			.map(group -> helpline + " - " + group + " - " + tag)
			.orElse(helpline + " - " + tag);
	}

	/** When the earlier calls could not be counted (the database is away). */
	static String unknown(Language language) {
		return Language.ENGLISH.equals(language) ? "earlier calls unknown" : "eerdere oproepen onbekend";
	}

	static String of(OptionalInt earlierCallsThisYear, Language language) {
		boolean dutch = !Language.ENGLISH.equals(language);
		if (earlierCallsThisYear.isEmpty()) {
			return dutch ? "nummer afgeschermd" : "withheld number";
		}
		int nth = earlierCallsThisYear.getAsInt() + 1;
		if (nth == 1) {
			return dutch ? "nieuwe beller" : "new caller";
		}
		return dutch ? nth + "e oproep dit jaar" : nth + ordinalSuffix(nth) + " call this year";
	}

	private static String ordinalSuffix(int n) {
		if (n % 100 >= 11 && n % 100 <= 13) {
			return "th";
		}
		return switch (n % 10) {
			case 1 -> "st";
			case 2 -> "nd";
			case 3 -> "rd";
			default -> "th";
		};
	}

}
