package org.helpline.contact;

import java.util.List;
import java.util.Map;

/**
 * The grouped rows reports are computed from, for the years a report needs. The same rows
 * come from detailed records or, for years reduced by retention, from the summary tables,
 * so a report cannot tell the difference.
 *
 * @param identifiedPersons distinct pseudonyms in contact moments, by year
 */
record ReportData(List<Group> groups, List<TopicCount> topics, List<HourCount> hours,
		Map<Integer, Long> identifiedPersons) {

	/**
	 * Contacts that share every dimension a report breaks down by, with the sums its
	 * averages and rates need.
	 */
	record Group(int year, int month, String channel, String callerGroup, String language, String outcome,
			String referral, boolean contactMoment, boolean withheld, Boolean returningCaller, long records,
			int serviceLevelSeconds, long answeredWithinTarget, long answeredTimed, long waitingSecondsSum, long talks,
			long talkSecondsSum) {
	}

	record TopicCount(int year, int month, String topic, long contacts) {
	}

	record HourCount(int year, int month, int hourOfWeek, long attempts) {
	}

}
