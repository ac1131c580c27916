package org.helpline.schedule;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Closed all day from {@code firstDay} to {@code lastDay}, both inclusive. A null
 * {@code messagePrompt} means the caller hears the default closure message.
 */
public record Closure(LocalDate firstDay, LocalDate lastDay, @Nullable String reason,
		@Nullable String messagePrompt) {

	public Closure {
		Objects.requireNonNull(firstDay, "firstDay");
		Objects.requireNonNull(lastDay, "lastDay");
	}

	boolean covers(LocalDate date) {
		return !date.isBefore(this.firstDay) && !date.isAfter(this.lastDay);
	}

}
