package org.helpline.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.helpline.IntegrationTest;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.privacy.CallerNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The live board's figures of today: the helpline's own day, counted as the reports count. */
class TodayFiguresTest extends IntegrationTest {

	@Autowired
	TodayFigures today;

	@Autowired
	ContactRecords records;

	Helpline amsterdam;

	@BeforeEach
	void aDutchHelplineOnATuesdayMorning() {
		jdbc.sql("delete from contact_record").update();
		amsterdam = helplines.create(new HelplineSettings("Stop it Now", List.of("08002666436"), "Europe/Amsterdam",
				"NL", "nl", 30));
		clock.set(Instant.parse("2027-01-05T09:00:00Z"));
	}

	@Test
	void countsTodaysAnsweredAndAbandonedCallsAndTheShareAnsweredWithinTheServiceLevel() {
		call("2027-01-05T08:10:00Z", 10, CallOutcome.ANSWERED);
		call("2027-01-05T08:20:00Z", 45, CallOutcome.ANSWERED);
		call("2027-01-05T08:30:00Z", 90, CallOutcome.ABANDONED_WAITING);
		call("2027-01-05T08:40:00Z", 5, CallOutcome.ANSWERED);

		TodayFigures.Today figures = today.of(amsterdam);

		assertThat(figures.answered()).isEqualTo(3);
		assertThat(figures.abandoned()).isEqualTo(1);
		assertThat(figures.offered()).isEqualTo(4);
		assertThat(figures.serviceLevelPercent()).isEqualTo(50.0);
	}

	@Test
	void yesterdayInTheHelplinesZoneDoesNotCountEvenWhenItIsTodayInUtc() {
		// 23:30 UTC on the 4th is already the 5th in Amsterdam; 22:30 UTC is still the 4th there.
		call("2027-01-04T23:30:00Z", 5, CallOutcome.ANSWERED);
		call("2027-01-04T22:30:00Z", 5, CallOutcome.ANSWERED);
		call("2027-01-04T12:00:00Z", 5, CallOutcome.ABANDONED_WAITING);

		TodayFigures.Today figures = today.of(amsterdam);

		assertThat(figures.date()).hasToString("2027-01-05");
		assertThat(figures.answered()).isEqualTo(1);
		assertThat(figures.abandoned()).isZero();
	}

	@Test
	void withNoCallOfferedThereIsNoServiceLevel() {
		assertThat(today.of(amsterdam).serviceLevelPercent()).isNull();
	}

	private void call(String startedAt, int waitingSeconds, CallOutcome outcome) {
		boolean answered = outcome == CallOutcome.ANSWERED;
		records.recordCall(new CompletedCall(amsterdam.id(), Instant.parse(startedAt), CallerNumber.withheld(), "SELF",
				"nl", Duration.ofSeconds(waitingSeconds), answered ? Duration.ofSeconds(3) : null,
				answered ? Duration.ofMinutes(5) : null, null, outcome, "phone"));
	}

}
