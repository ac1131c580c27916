package org.helpline.menu;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One stored version of a helpline's menu. Version 0 is {@link Menu#defaults()} of a helpline
 * whose operators never saved a menu; it has no time or author.
 *
 * @param restoredFrom the version this one copies, {@code null} when it was edited
 */
public record MenuVersion(int version, @Nullable Instant createdAt, @Nullable String createdBy,
		@Nullable Integer restoredFrom, Menu menu) {

	static MenuVersion defaults() {
		return new MenuVersion(0, null, null, null, Menu.defaults());
	}

}
