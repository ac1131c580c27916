package org.helpline.menu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an open helpline's caller hears before they are queued: the welcome that promises
 * anonymity, then the choice of who they are, which sets the call's caller group.
 *
 * @param welcome prompt key played first; {@code "welcome"} when absent
 * @param languages the languages the menu offers (the first is used when the helpline's own
 * is not among them); {@code nl, en} when absent
 * @param choice {@code null}: welcome only, then the queue with no caller group
 * @param skipPromptOnKey a key pressed during the welcome or the choice's prompt chooses at
 * once; otherwise the welcome is played whole before the choice is asked
 */
public record Menu(String welcome, List<String> languages, @Nullable Choice choice, boolean skipPromptOnKey) {

	/** Written out, not compact, so that welcome and languages may arrive null while the components never are. */
	public Menu(@Nullable String welcome, @Nullable List<String> languages, @Nullable Choice choice,
			boolean skipPromptOnKey) {
		this.welcome = welcome == null ? "welcome" : welcome;
		this.languages = languages == null ? List.of("nl", "en") : copy(languages);
		this.choice = choice;
		this.skipPromptOnKey = skipPromptOnKey;
	}

	/** The menu of a helpline whose operators never set one. */
	public static Menu defaults() {
		return new Menu("welcome", List.of("nl", "en"),
				new Choice("choose-group",
						List.of(queue("1", "SELF"), queue("2", "PARTNER_FAMILY"), queue("3", "PROFESSIONAL"),
								queue("0", "OTHER"), new Option("9", Action.LANGUAGE, null, "en", null)),
						5, 2, "0", "invalid-choice", "no-choice"),
				true);
	}

	private static Option queue(String digit, String callerGroup) {
		return new Option(digit, Action.QUEUE, callerGroup, null, null);
	}

	// Null elements are kept so that the validator names them instead of the JSON reader failing.
	static <T> List<T> copy(List<T> list) {
		return Collections.unmodifiableList(new ArrayList<>(list));
	}

}
