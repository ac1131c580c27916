package org.helpline.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.helpline.contact.Report.Item;
import org.helpline.contact.Report.Part;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Report figures against a small fixture computed by hand. Times are UTC; Amsterdam is an
 * hour ahead in winter and two in summer, which puts some calls in another local day,
 * quarter or year than their UTC time says.
 */
class ReportFiguresTest extends ContactIntegrationTest {

	static final String A = "+31612345678";

	long helpline;

	@BeforeEach
	void fixture() {
		helpline = stopItNow();
		clock.set(Instant.parse("2018-02-01T12:00:00Z"));
		// 2016: 4 contact moments (Q2: 1, Q4: 3), 5 attempts, persons A, F, G.
		answered(helpline, "2016-06-01T10:00:00Z", "+31687654321", "SELF", 5, 100);
		answered(helpline, "2016-10-05T10:00:00Z", A, "SELF", 8, 100);
		answered(helpline, "2016-11-01T10:00:00Z", "+31611111111", "PARTNER_FAMILY", 3, 100);
		unanswered(helpline, "2016-11-02T10:00:00Z", "+31622222222", "SELF", CallOutcome.ABANDONED_WAITING, 60);
		// 23:30 on 31 December in Amsterdam: still 2016.
		answered(helpline, "2016-12-31T22:30:00Z", A, "SELF", 12, 200);

		// 2017: 7 contact moments (6 calls + 1 e-mail), 9 attempts.
		// 00:30 on 1 January in Amsterdam: 2017, Q1, January.
		long first = answered(helpline, "2016-12-31T23:30:00Z", A, "SELF", 10, 600);
		records.wrapUp(first, new WrapUp(List.of("OWN_FEELINGS", "DOWNLOADING"), null, null, null));
		answered(helpline, "2017-02-10T10:00:00Z", "0612345678", "SELF", 30, 300);
		answered(helpline, "2017-03-15T09:00:00Z", "+31633333333", "PARTNER_FAMILY", 5, 900);
		unanswered(helpline, "2017-03-15T09:10:00Z", "+31644444444", "SELF", CallOutcome.ABANDONED_WAITING, 40);
		// Monday 20 March, 20:15 in Amsterdam: hour 20 of the week.
		unanswered(helpline, "2017-03-20T19:15:00Z", "anonymous", null, CallOutcome.OUT_OF_HOURS, 0);
		long withheld = answered(helpline, "2017-04-03T08:00:00Z", "anonymous", "PROFESSIONAL", 15, 1200);
		records.wrapUp(withheld, new WrapUp(List.of("PROFESSIONAL"), "TREATMENT_CENTRE", false, null));
		records.register(new RegisteredContact(helpline, "email", LocalDate.parse("2017-05-02"), "SELF", "nl",
				"mail-1", List.of("DOWNLOADING"), null, null), null);
		// 23:30 on 30 June in Amsterdam (summer time): Q2.
		answered(helpline, "2017-06-30T21:30:00Z", "+31655555555", "SELF", 25, 100);
		// 00:30 on 1 July in Amsterdam: Q3.
		answered(helpline, "2017-06-30T22:30:00Z", "+31666666666", "OTHER", 0, 60);
		// 23:59 on 31 December: 2017, Q4.
		unanswered(helpline, "2017-12-31T22:59:00Z", "anonymous", null, CallOutcome.ABANDONED_IN_MENU, 0);
		// 00:00 on 1 January 2018: no longer 2017.
		answered(helpline, "2017-12-31T23:00:00Z", A, "SELF", 1, 1);
	}

	@Test
	void aYearCountsByTheHelplinesOwnCalendarWithChangeOnTheYearBefore() {
		Report report = reports.report(ReportPeriod.year(2017), helpline, false);

		assertThat(report.complete()).isTrue();
		assertThat(report.contactMoments().count().value()).isEqualTo(7);
		assertThat(report.contactMoments().previous().value()).isEqualTo(4);
		assertThat(report.contactMoments().changePercent()).isEqualTo(75.0);
		assertThat(report.callAttempts().count().value()).isEqualTo(9);
		assertThat(report.callAttempts().previous().value()).isEqualTo(5);
		assertThat(report.callAttempts().changePercent()).isEqualTo(80.0);
	}

	@Test
	void distinctPersonsAreNumbersAndPersonKeysPlusWithheldFirstContacts() {
		Report report = reports.report(ReportPeriod.year(2017), helpline, false);

		// A (twice, two forms of one number), B, D, E and mail-1; the withheld caller marked as first contact.
		assertThat(report.distinctPersons().identified().value()).isEqualTo(5);
		assertThat(report.distinctPersons().unidentifiedFirstContacts().value()).isEqualTo(1);
		assertThat(report.distinctPersons().count().value()).isEqualTo(6);
		assertThat(report.distinctPersons().previous().value()).isEqualTo(3);
		assertThat(report.distinctPersons().changePercent()).isEqualTo(100.0);
	}

	@Test
	void quartersAndMonthsFollowLocalMidnight() {
		Report report = reports.report(ReportPeriod.year(2017), helpline, false);

		assertThat(report.parts()).extracting(Part::period, p -> p.contactMoments().count().value())
			.startsWith(tuple("2017-Q1", 3L),
					tuple("2017-Q2", 3L),
					tuple("2017-Q3", 1L),
					tuple("2017-Q4", 0L),
					tuple("2017-01", 1L));
		Part q1 = report.parts().getFirst();
		assertThat(q1.contactMoments().previous().value()).as("Q4 2016").isEqualTo(3);
		assertThat(q1.contactMoments().changePercent()).isEqualTo(0.0);
		Part q4 = report.parts().get(3);
		assertThat(q4.callAttempts().count().value()).as("only the menu hang-up before midnight").isEqualTo(1);
	}

	@Test
	void aQuarterReportComparesWithTheQuarterBefore() {
		Report q3 = reports.report(ReportPeriod.parse("2017-Q3"), helpline, false);

		assertThat(q3.previousPeriod()).isEqualTo("2017-Q2");
		assertThat(q3.contactMoments().count().value()).isEqualTo(1);
		assertThat(q3.contactMoments().previous().value()).isEqualTo(3);
		assertThat(q3.contactMoments().changePercent()).isEqualTo(-66.7);
		assertThat(q3.distinctPersons()).as("persons are counted per year").isNull();
		assertThat(q3.summary()).isNull();
		assertThat(q3.parts()).extracting(Part::period).containsExactly("2017-07", "2017-08", "2017-09");
	}

	@Test
	void breakdownsByCallerGroupChannelOutcomeTopicAndReferral() {
		Report report = reports.report(ReportPeriod.year(2017), helpline, false);

		assertThat(counts(report.byCallerGroup())).containsExactly("SELF=4", "PARTNER_FAMILY=1", "PROFESSIONAL=1",
				"OTHER=1");
		assertThat(counts(report.byChannel())).containsExactly("phone=6", "email=1", "chat=0");
		assertThat(counts(report.byOutcome())).containsExactly("ANSWERED=6", "ABANDONED_WAITING=1",
				"ABANDONED_IN_MENU=1", "INFORMED_IN_MENU=0", "OUT_OF_HOURS=1", "OVERFLOW=0", "NOBODY_AVAILABLE=0",
				"TECHNICAL_FAILURE=0");
		assertThat(counts(report.byTopic())).contains("OWN_FEELINGS=1", "DOWNLOADING=2", "PROFESSIONAL=1",
				"HANDS_ON_WORRY=0");
		assertThat(counts(report.byReferral())).contains("TREATMENT_CENTRE=1", "PEER_SUPPORT_GROUP=0");
		assertThat(report.byCallerGroup().getFirst().label()).containsEntry("nl", "Eigen gevoelens of gedrag");
	}

	@Test
	void callersToldNobodyWasAvailableAreCountedByOutcome() {
		unanswered(helpline, "2018-02-06T10:00:00Z", "+31677777777", "SELF", CallOutcome.NOBODY_AVAILABLE, 5);

		Report report = reports.report(ReportPeriod.year(2018), helpline, false);

		assertThat(counts(report.byOutcome())).contains("NOBODY_AVAILABLE=1");
		assertThat(report.byOutcome()).filteredOn(item -> item.code().equals("NOBODY_AVAILABLE")).singleElement()
			.satisfies(item -> assertThat(item.label()).containsEntry("nl", "Niemand beschikbaar"));
	}

	@Test
	void serviceLevelSpeedOfAnswerAbandonRateAndTalkTime() {
		Report.ServiceFigures service = reports.report(ReportPeriod.year(2017), helpline, false).service();

		// Answered after 10, 30, 5, 15, 25 and 0 s (4 within 20 s); 1 abandoned while waiting.
		assertThat(service.serviceLevelSeconds()).isEqualTo(20);
		assertThat(service.offered().value()).isEqualTo(7);
		assertThat(service.serviceLevelPercent()).isEqualTo(57.1);
		// Averages of the 30 s buckets' middles (issue 11): waits 15, 45, 15, 15, 15, 15 (exact:
		// 14.2); talks 615, 315, 915, 1215, 105, 75 (exact: 526.7).
		assertThat(service.averageSpeedOfAnswerSeconds()).isEqualTo(20.0);
		assertThat(service.abandonRatePercent()).isEqualTo(14.3);
		assertThat(service.averageTalkSeconds()).isEqualTo(540.0);
	}

	@Test
	void missedDemandByLocalHourOfTheWeekAndWithheldContacts() {
		Report report = reports.report(ReportPeriod.year(2017), helpline, false);

		assertThat(report.missedDemand().outOfHoursAttempts().value()).isEqualTo(1);
		assertThat(report.missedDemand().byHourOfWeek()).singleElement()
			.satisfies(cell -> assertThat(cell.day() + " " + cell.hour() + "=" + cell.attempts().value())
				.isEqualTo("MONDAY 20=1"));
		assertThat(report.unidentified().withheldCallAttempts().value()).isEqualTo(3);
		assertThat(report.unidentified().contactMoments().value()).isEqualTo(1);
		assertThat(report.unidentified().markedFirstContact().value()).isEqualTo(1);
	}

	@Test
	void publishedFiguresHideSmallCellsAndTheChangesTheyWouldReveal() {
		Report report = reports.report(ReportPeriod.year(2017), helpline, true);

		assertThat(report.contactMoments().count().json()).isEqualTo(7L);
		assertThat(report.contactMoments().previous().json()).isEqualTo("<5");
		assertThat(report.contactMoments().changePercent()).isNull();
		assertThat(report.distinctPersons().count().json()).isEqualTo(6L);
		assertThat(report.byChannel()).extracting(i -> i.count().json()).containsExactly("<5", "<5", 0L);
		assertThat(report.service().serviceLevelPercent()).isEqualTo(57.1);
		assertThat(report.service().averageSpeedOfAnswerSeconds()).as("over 6 answered calls").isEqualTo(20.0);
		assertThat(report.parts().getFirst().contactMoments().count().json()).isEqualTo("<5");
		assertThat(report.summary().get("nl")).contains("7 contactmomenten met 6 verschillende personen")
			.doesNotContain("Ten opzichte van");
	}

	@Test
	void aPublishedAverageOverFewerCallsThanTheThresholdIsLeftOut() {
		Report q3 = reports.report(ReportPeriod.parse("2017-Q3"), helpline, true);

		assertThat(q3.service().averageTalkSeconds()).isNull();
		// One call of 60 s: the middle of its bucket [60, 90).
		assertThat(reports.report(ReportPeriod.parse("2017-Q3"), helpline, false).service().averageTalkSeconds())
			.isEqualTo(75.0);
	}

	@Test
	void theSummaryReadsLikeThePressRelease() {
		Report report = reports.report(ReportPeriod.year(2017), helpline, false);

		assertThat(report.summary().get("nl")).startsWith(
				"In 2017 had Stop it Now! 7 contactmomenten met 6 verschillende personen. De meeste contactmomenten "
						+ "kwamen van mensen die zich zorgen maakten over hun eigen gedrag en gevoelens. Ten opzichte "
						+ "van 2016 steeg het aantal contactmomenten met 75%.");
		assertThat(report.summary().get("en")).contains("Compared with 2016 the number of contact moments rose by 75%.",
				"At least 2 contact moments were about downloading child sexual abuse material.");
	}

	@Test
	void aRunningYearSaysSoFar() {
		clock.set(Instant.parse("2017-04-10T10:00:00Z"));

		Report report = reports.report(ReportPeriod.year(2017), helpline, false);

		assertThat(report.complete()).isFalse();
		assertThat(report.parts()).extracting(Part::period)
			.containsExactly("2017-Q1", "2017-Q2", "2017-01", "2017-02", "2017-03", "2017-04");
		assertThat(report.summary().get("nl")).contains("tot nu toe").contains("In het eerste kwartaal waren er 3");
	}

	@Test
	void allHelplinesTogetherCountAPersonWhoCalledBothOnce() {
		long flemish = flemishLine();
		answered(flemish, "2017-09-01T10:00:00Z", "0031612345678", "SELF", 2, 100);

		Report all = reports.report(ReportPeriod.year(2017), null, false);

		assertThat(all.helpline()).isNull();
		assertThat(all.contactMoments().count().value()).isEqualTo(8);
		assertThat(all.distinctPersons().identified().value()).as("A called both lines").isEqualTo(5);
		assertThat(reports.report(ReportPeriod.year(2017), flemish, false).distinctPersons().count().value())
			.isEqualTo(1);
		assertThat(all.summary().get("nl")).startsWith("In 2017 waren er 8 contactmomenten met 6 verschillende");
	}

	private static List<String> counts(List<Item> items) {
		return items.stream().map(i -> i.code() + "=" + i.count().value()).toList();
	}

}
