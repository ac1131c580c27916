package org.helpline.menu;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Asks the caller to press a key.
 *
 * @param prompt key of the question ("press 1 if …")
 * @param timeoutSeconds how long to wait for a key after the prompt, 1 to 30
 * @param repeats how many times the choice is asked again after no key or an invalid one
 * before the default option is taken, 0 to 5
 * @param defaultDigit the digit of the option taken then; that option must end the menu
 * @param invalidPrompt played before asking again after an invalid key; {@code null}: nothing
 * @param noInputPrompt played before asking again after no key; {@code null}: nothing
 */
public record Choice(@Nullable String prompt, List<Option> options, int timeoutSeconds, int repeats,
		@Nullable String defaultDigit, @Nullable String invalidPrompt, @Nullable String noInputPrompt) {

	public Choice {
		options = options == null ? List.of() : Menu.copy(options);
	}

	/** The option of this digit, or {@code null} when there is none. */
	public @Nullable Option option(@Nullable String digit) {
		return options.stream()
			.filter(o -> o != null && Objects.equals(o.digit(), digit))
			.findFirst()
			.orElse(null);
	}

}
