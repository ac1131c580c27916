package org.helpline.contact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.jspecify.annotations.Nullable;

/**
 * Dutch and English names of the fixed codes reports break down by. Topics and referrals
 * carry their own labels (operator-managed).
 */
final class Labels {

	// How the summary paragraph names the people of a group.
	private static final Map<String, Map<String, String>> CALLER_GROUP_PEOPLE = Map.of(
			"SELF", both("mensen die zich zorgen maakten over hun eigen gedrag en gevoelens",
					"people worried about their own feelings and behaviour"),
			"PARTNER_FAMILY", both("partners, familie en naasten", "partners, family and friends"),
			"PROFESSIONAL", both("professionals", "professionals"),
			"OTHER", both("andere mensen met vragen", "other people with questions"));

	private static final Map<String, Map<String, String>> OUTCOMES = Map.of(
			"ANSWERED", both("Beantwoord", "Answered"),
			"ABANDONED_WAITING", both("Opgehangen tijdens het wachten", "Abandoned while waiting"),
			"ABANDONED_IN_MENU", both("Opgehangen in het keuzemenu", "Abandoned in the menu"),
			"INFORMED_IN_MENU", both("Informatie gekregen in het keuzemenu", "Informed in the menu"),
			"OUT_OF_HOURS", both("Buiten openingstijden", "Outside opening hours"),
			"OVERFLOW", both("Te lang gewacht (overloop)", "Overflow"),
			"NOBODY_AVAILABLE", both("Niemand beschikbaar", "Nobody available"),
			"TECHNICAL_FAILURE", both("Technische storing", "Technical failure"));

	private static final Map<String, Map<String, String>> CHANNELS = Map.of(
			"phone", both("Telefoon", "Phone"),
			"email", both("E-mail", "E-mail"),
			"chat", both("Chat", "Chat"));

	private static final Map<String, Map<String, String>> LANGUAGES = Map.of(
			"nl", both("Nederlands", "Dutch"),
			"en", both("Engels", "English"));

	static final String UNKNOWN = "UNKNOWN";

	private Labels() {
	}

	/** The caller group's own names (see {@link CallerGroup}); the code itself for an unknown or odd one. */
	static Map<String, String> callerGroup(String code) {
		return CallerGroup.parse(code)
			.filter(group -> !UNKNOWN.equals(group.code()))
			.map(group -> both(group.label(Language.DUTCH), group.label(Language.ENGLISH)))
			.orElseGet(() -> fallback(code));
	}

	static @Nullable String callerGroupPeople(String code, String language) {
		return CALLER_GROUP_PEOPLE.getOrDefault(code, both(code, code)).get(language);
	}

	static Map<String, String> outcome(String code) {
		return OUTCOMES.getOrDefault(code, fallback(code));
	}

	static Map<String, String> channel(String code) {
		return CHANNELS.getOrDefault(code, fallback(code));
	}

	static Map<String, String> language(String code) {
		return LANGUAGES.getOrDefault(code, fallback(code));
	}

	static Map<String, String> option(@Nullable ContactOption option, String code) {
		return option == null ? fallback(code) : both(option.labelNl(), option.labelEn());
	}

	private static Map<String, String> fallback(String code) {
		return UNKNOWN.equals(code) ? both("Onbekend", "Unknown") : both(code, code);
	}

	// Dutch first, always in that order, so reports print the same every time.
	private static Map<String, String> both(String nl, String en) {
		Map<String, String> label = new LinkedHashMap<>();
		label.put("nl", nl);
		label.put("en", en);
		return Collections.unmodifiableMap(label);
	}

}
