package org.helpline.schedule;

import de.focus_shift.jollyday.core.HolidayType;

/**
 * How official a holiday is, so that callers need not depend on Jollyday.
 */
public enum HolidayKind {

	PUBLIC, BANK, OBSERVANCE;

	static HolidayKind of(HolidayType type) {
		return switch (type) {
			case PUBLIC_HOLIDAY -> PUBLIC;
			case BANK_HOLIDAY -> BANK;
			case OBSERVANCE -> OBSERVANCE;
		};
	}

}
