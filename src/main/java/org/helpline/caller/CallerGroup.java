package org.helpline.caller;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Who a caller said they are in the menu, e.g. {@code SELF}: the key a counsellor's skill, a
 * queued call and a contact record share. Read case-blind ({@code self}, {@code partner-family}),
 * always held and shown upper-case, as reports and the API spell it.
 */
public record CallerGroup(String code) {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

	/** Dutch and English names; one table for the phone's display, the pages and the reports. */
	private static final Map<String, Names> NAMES = Map.of(
			"SELF", new Names("Eigen gevoelens of gedrag", "Own feelings or behaviour", "eigen gevoelens",
					"own feelings"),
			"PARTNER_FAMILY", new Names("Partner, familie of naaste", "Partner, family or friend", "partner/familie",
					"partner/family"),
			"PROFESSIONAL", new Names("Professional", "Professional", "professional", "professional"),
			"OTHER", new Names("Anders", "Other", "andere vraag", "other question"));

	public CallerGroup {
		if (code == null || !CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("'" + code + "' is not a caller group's name");
		}
	}

	/** The group a text names, however it is spelled; empty when it names none. */
	public static Optional<CallerGroup> parse(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		String code = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		return CODE.matcher(code).matches() ? Optional.of(new CallerGroup(code)) : Optional.empty();
	}

	/** Like {@link #parse}, for text already checked: null for none, refused when it is not a name. */
	public static @Nullable CallerGroup of(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a caller group's name"));
	}

	/** The group's name for pages and reports: Dutch for {@code nl}, else English; the code for a group without one. */
	public String label(Language language) {
		Names names = NAMES.get(code);
		return names == null ? code : language.isDutch() ? names.nl() : names.en();
	}

	/** The group's short name for a counsellor phone's display (Dutch for {@code nl}, else English); empty when it has none. */
	public Optional<String> phoneLabel(Language language) {
		return Optional.ofNullable(NAMES.get(code)).map(names -> language.isDutch() ? names.phoneNl() : names.phoneEn());
	}

	/** The prompt key of the whisper that tells a counsellor this group, e.g. {@code whisper-partner-family}. */
	public String whisperPrompt() {
		return "whisper-" + code.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@Override
	public String toString() {
		return code;
	}

	private record Names(String nl, String en, String phoneNl, String phoneEn) {
	}

}
