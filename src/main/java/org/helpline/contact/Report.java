package org.helpline.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The helpline's figures for one period, for one helpline or all ({@code helplineId} null).
 * Every count comes with the previous period's and the change in percent. In a published
 * report counts from 1 to one below the threshold show as "&lt;5", and averages and rates
 * over fewer calls than that are left out (null).
 *
 * @param complete false while the period has not ended yet
 * @param distinctPersons only for a year; null for quarters and months
 * @param parts the quarters and months of a year, or the months of a quarter (only those
 * that have begun)
 * @param summary for a year: a paragraph in Dutch ({@code nl}) and English ({@code en})
 */
public record Report(String period, LocalDate from, LocalDate until, boolean complete, @Nullable Long helplineId, @Nullable String helpline,
		boolean published, int smallCellThreshold, String previousPeriod, Figure contactMoments, Figure callAttempts,
		@Nullable Persons distinctPersons, List<Item> byCallerGroup, List<Item> byTopic, List<Item> byChannel,
		List<Item> byOutcome, List<Item> byLanguage, List<Item> byReferral, ServiceFigures service,
		Unidentified unidentified, MissedDemand missedDemand, List<Part> parts, @Nullable Map<String, String> summary) {

	/** A count as published: the number, or "&lt;5" when it is a small cell. */
	public record Count(long value, boolean suppressed, int threshold) {

		static Count exact(long value) {
			return new Count(value, false, 0);
		}

		@JsonValue
		Object json() {
			return suppressed ? text() : value;
		}

		public String text() {
			return suppressed ? "<" + threshold : Long.toString(value);
		}

	}

	/** @param changePercent on the previous period; null when there is nothing to compare with */
	public record Figure(Count count, Count previous, @Nullable Double changePercent) {
	}

	/** One line of a breakdown: a caller group, topic, channel, outcome, language or referral. */
	public record Item(String code, Map<String, String> label, Count count, Count previous, @Nullable Double changePercent) {
	}

	/**
	 * Distinct persons in the year's contact moments.
	 * @param identified distinct pseudonyms: callers by their number, e-mail/chat/history by
	 * their person key
	 * @param unidentifiedFirstContacts contact moments without pseudonym that the counsellor
	 * marked as the person's first contact
	 */
	public record Persons(Count count, Count previous, @Nullable Double changePercent, Count identified,
			Count unidentifiedFirstContacts) {
	}

	/**
	 * How calls that reached the queue fared. Offered = answered (with a known waiting time) +
	 * abandoned while waiting + overflow.
	 * @param serviceLevelPercent share of offered calls answered within {@code serviceLevelSeconds}
	 */
	public record ServiceFigures(int serviceLevelSeconds, Count offered, Count answered, Count abandonedWaiting,
			@Nullable Double serviceLevelPercent, @Nullable Double averageSpeedOfAnswerSeconds, @Nullable Double abandonRatePercent,
			@Nullable Double averageTalkSeconds) {
	}

	/**
	 * Contact moments without pseudonym (withheld number; e-mail or chat without person key)
	 * and how counsellors marked them.
	 */
	public record Unidentified(Count withheldCallAttempts, Count contactMoments, Count markedFirstContact,
			Count markedReturning, Count notMarked) {
	}

	/** Calls that came while the line was closed, by local hour of the week. */
	public record MissedDemand(Count outOfHoursAttempts, List<HourOfWeek> byHourOfWeek) {
	}

	/** @param hour the local hour the calls started in, 0 to 23 */
	public record HourOfWeek(String day, int hour, Count attempts) {
	}

	public record Part(String period, Figure contactMoments, Figure callAttempts) {
	}

}
