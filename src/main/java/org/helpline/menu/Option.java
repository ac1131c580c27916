package org.helpline.menu;

import org.helpline.caller.CallerGroup;
import org.jspecify.annotations.Nullable;

/**
 * One key of the choice.
 *
 * @param digit 0-9, * or #
 * @param callerGroup for {@link Action#QUEUE}: the caller group the call is queued with
 * @param language for {@link Action#LANGUAGE}: one of the menu's languages
 * @param message prompt key; required for the MESSAGE_ actions, optional (played first) for the others
 */
public record Option(@Nullable String digit, @Nullable Action action, @Nullable String callerGroup,
		@Nullable String language, @Nullable String message) {

	/** A group is kept in its one spelling however it was sent; anything else is left for the validator to name. */
	public Option {
		callerGroup = CallerGroup.parse(callerGroup).map(CallerGroup::code).orElse(callerGroup);
	}

	/** True when taking this option ends the menu, so it may be the default. */
	public boolean endsMenu() {
		return action == Action.QUEUE || action == Action.MESSAGE_AND_HANG_UP;
	}

}
