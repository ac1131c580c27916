package org.helpline.helplines;

import java.util.List;

/**
 * What an operator sets on a helpline itself; its schedule is changed piece by piece.
 * Values arrive unchecked (as strings) so that {@link Helplines} can name every bad field.
 */
public record HelplineSettings(String name, List<String> numbers, String timeZone, String country, String language,
		String openDestination, Integer ringTimeoutSeconds) {

}
