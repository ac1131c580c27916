package org.helpline.schedule;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which holidays close the line. Keys are Jollyday properties keys such as
 * {@code christian.GOOD_FRIDAY} or {@code LIBERATION}; {@code stayOpen} wins over the rest.
 */
public record HolidayPolicy(Set<HolidayKind> closedTypes, Set<String> alsoClosed, Set<String> stayOpen) {

	public static final HolidayPolicy DEFAULT = new HolidayPolicy(EnumSet.of(HolidayKind.PUBLIC), Set.of(), Set.of());

	public HolidayPolicy {
		closedTypes = (closedTypes != null) ? Set.copyOf(closedTypes) : Set.of();
		alsoClosed = (alsoClosed != null) ? Set.copyOf(alsoClosed) : Set.of();
		stayOpen = (stayOpen != null) ? Set.copyOf(stayOpen) : Set.of();
	}

	public boolean closesOn(PublicHoliday holiday) {
		if (this.stayOpen.contains(holiday.key())) {
			return false;
		}
		return this.closedTypes.contains(holiday.type()) || this.alsoClosed.contains(holiday.key());
	}

}
