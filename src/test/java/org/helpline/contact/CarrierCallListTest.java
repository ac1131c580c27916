package org.helpline.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.helpline.privacy.CallerNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, item 5: the carrier's call list of the free number has every caller's number,
 * start and exact duration. A stored record must not match one line of it by its durations
 * or by where its id falls among the others, or it gives away its pseudonym and with it every
 * other record of that person this year.
 */
class CarrierCallListTest extends ContactIntegrationTest {

	@Test
	void aRecordedCallKeepsNoDurationFinerThanTheResolution() {
		long helpline = stopItNow();

		long id = records.recordCall(new CompletedCall(helpline, Instant.parse("2027-01-05T10:17:42Z"),
				CallerNumber.of(NUMBER), "SELF", "nl", Duration.ofMillis(17_400), Duration.ofSeconds(7),
				Duration.ofSeconds(1_234), 7L, CallOutcome.ANSWERED, "phone"));

		// Read straight from the table: whatever a stolen copy of the database holds.
		Map<String, Object> row = jdbc.sql("select * from contact_record where id = ?").param(id).query().singleRow();
		assertThat(row).containsEntry("waiting_seconds", 0)
			.containsEntry("ringing_seconds", 0)
			.containsEntry("talk_seconds", 1_230)
			.containsEntry("duration_resolution_seconds", 30)
			.containsEntry("answered_within_service_level", true)
			.containsEntry("service_level_seconds", 20);
	}

	@Test
	void recordIdsRevealNoOrderOfTheCalls() {
		long helpline = stopItNow();

		List<Long> ids = new ArrayList<>();
		for (int call = 0; call < 20; call++) {
			ids.add(answered(helpline, "2027-01-05T10:17:42Z", NUMBER, "SELF", 5, 300));
		}

		// Sorted by chance: 1 in 20! (2.4e18).
		assertThat(ids).as("ids in the order the calls were recorded").isNotEqualTo(ids.stream().sorted().toList());
		for (int i = 1; i < ids.size(); i++) {
			assertThat(Math.abs(ids.get(i) - ids.get(i - 1))).as("the next call's id is no neighbour")
				.isGreaterThan(1_000);
		}
		assertThat(ids).allSatisfy(id -> assertThat(id).isPositive().isLessThan(1L << 53));
		assertThat(records.get(ids.getLast()).talkSeconds()).isEqualTo(300);
	}

	@Test
	void theServiceLevelIsRightAtTheThresholdThoughBothWaitsShareABucket() {
		long helpline = stopItNow();

		answered(helpline, "2027-01-05T10:17:42Z", NUMBER, "SELF", 19, 300);
		answered(helpline, "2027-01-05T11:17:42Z", "+31612345679", "SELF", 21, 300);

		Report.ServiceFigures service = reports.report(ReportPeriod.parse("2027-01"), helpline, false).service();
		assertThat(service.serviceLevelSeconds()).isEqualTo(20);
		assertThat(service.serviceLevelPercent()).as("19 s is within 20 s, 21 s is not").isEqualTo(50.0);
		assertThat(jdbc.sql("select waiting_seconds from contact_record").query(Integer.class).list())
			.containsOnly(0);
	}

	@Test
	void averagesAreTakenFromTheMiddleOfEachBucket() {
		long helpline = stopItNow();

		answered(helpline, "2027-01-05T10:17:42Z", NUMBER, "SELF", 10, 300);
		answered(helpline, "2027-01-05T11:17:42Z", "+31612345679", "SELF", 41, 615);

		Report.ServiceFigures service = reports.report(ReportPeriod.parse("2027-01"), helpline, false).service();
		// Waits in [0, 30) and [30, 60): 15 and 45; talks in [300, 330) and [600, 630): 315 and 615.
		assertThat(service.averageSpeedOfAnswerSeconds()).isEqualTo(30.0);
		assertThat(service.averageTalkSeconds()).isEqualTo(465.0);
	}

}
