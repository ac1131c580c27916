package org.helpline.contact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.helpline.helplines.ChangeRefusedException;
import org.helpline.privacy.CallerNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactRecordsTest extends ContactIntegrationTest {

	@ParameterizedTest
	@EnumSource(CallOutcome.class)
	void everyOutcomeLeavesExactlyOneRecord(CallOutcome outcome) {
		long helpline = stopItNow();

		long id = unanswered(helpline, "2027-01-05T10:17:42Z", NUMBER, "SELF", outcome, 12);

		assertThat(countRecords()).isOne();
		ContactView stored = records.get(id);
		assertThat(stored.outcome()).isEqualTo(outcome.name());
		assertThat(stored.contactMoment()).isEqualTo(outcome == CallOutcome.ANSWERED);
	}

	@Test
	void theStartIsKeptToTheHourInLocalTimeAndDurationsToTheirBucket() {
		long helpline = stopItNow();

		long id = records.recordCall(new CompletedCall(helpline, Instant.parse("2027-01-05T10:17:42Z"),
				CallerNumber.of(NUMBER), "PARTNER_FAMILY", "en", Duration.ofMillis(12_400), Duration.ofSeconds(4),
				Duration.ofSeconds(1_234), 7L, CallOutcome.ANSWERED, "phone"));

		ContactView stored = records.get(id);
		assertThat(stored.startedAround()).isEqualTo(LocalDateTime.parse("2027-01-05T11:00"));
		assertThat(stored.waitingSeconds()).isZero();
		assertThat(stored.ringingSeconds()).isZero();
		assertThat(stored.talkSeconds()).isEqualTo(1_230);
		assertThat(stored.durationResolutionSeconds()).isEqualTo(30);
		assertThat(stored.callerGroup()).isEqualTo("PARTNER_FAMILY");
		assertThat(stored.language()).isEqualTo("en");
		assertThat(stored.identified()).isTrue();
		assertThat(stored.withheld()).isFalse();
		Map<String, Object> row = jdbc.sql("select hour_of_week, period_year, period_month, counsellor_id "
				+ "from contact_record where id = ?").param(id).query().singleRow();
		// Tuesday 11:00 local: 24 + 11
		assertThat(((Number) row.get("hour_of_week")).intValue()).isEqualTo(35);
		assertThat(((Number) row.get("period_year")).intValue()).isEqualTo(2027);
		assertThat(((Number) row.get("counsellor_id")).longValue()).isEqualTo(7);
	}

	@Test
	void oddValuesAreLeftOutButTheCallIsStillRecorded() {
		long helpline = stopItNow();

		long id = records.recordCall(new CompletedCall(helpline, null, CallerNumber.of("not a number 12"), "se lf!",
				"de", Duration.ofSeconds(-5), null, null, null, null, null));

		ContactView stored = records.get(id);
		assertThat(stored.outcome()).isEqualTo("TECHNICAL_FAILURE");
		assertThat(stored.withheld()).isTrue();
		assertThat(stored.callerGroup()).isNull();
		assertThat(stored.language()).isNull();
		assertThat(stored.waitingSeconds()).isNull();
		assertThat(stored.channel()).isEqualTo("phone");
		assertThat(stored.startedAround()).isEqualTo(LocalDateTime.parse("2027-01-05T10:00"));
	}

	@Test
	void aCallToAHelplineThatWasRemovedIsStillRecorded() {
		long id = records.recordCall(new CompletedCall(987_654, Instant.parse("2027-01-05T10:17:42Z"),
				CallerNumber.of(NUMBER), null, "nl", Duration.ZERO, Duration.ZERO, Duration.ZERO, null,
				CallOutcome.ABANDONED_IN_MENU, "phone"));

		assertThat(records.get(id).helplineId()).isEqualTo(987_654);
		assertThat(records.get(id).identified()).isTrue();
	}

	@Test
	void aCounsellorWrapsUpWithTopicsAReferralAndAFirstContactMarkForAWithheldCaller() {
		long helpline = stopItNow();
		long id = answered(helpline, "2027-01-05T10:00:00Z", "anonymous", "SELF", 5, 600);

		ContactView wrapped = records.wrapUp(id,
				new WrapUp(List.of("downloading", "OWN_FEELINGS"), "PEER_SUPPORT_GROUP", false, "PARTNER_FAMILY"));

		assertThat(wrapped.topics()).containsExactly("DOWNLOADING", "OWN_FEELINGS");
		assertThat(wrapped.referral()).isEqualTo("PEER_SUPPORT_GROUP");
		assertThat(wrapped.returningCaller()).isFalse();
		assertThat(wrapped.callerGroup()).isEqualTo("PARTNER_FAMILY");
		assertThat(wrapped.wrappedUp()).isTrue();

		ContactView again = records.wrapUp(id, new WrapUp(List.of("OTHER"), null, true, null));
		assertThat(again.topics()).containsExactly("OTHER");
		assertThat(again.callerGroup()).as("kept when not corrected").isEqualTo("PARTNER_FAMILY");
	}

	@Test
	void aWrapUpNamesEveryBadFieldAndChangesNothing() {
		long helpline = stopItNow();
		long id = answered(helpline, "2027-01-05T10:00:00Z", NUMBER, "SELF", 5, 600);

		assertThatThrownBy(() -> records.wrapUp(id, new WrapUp(List.of("GOSSIP"), "NOWHERE", true, "ALIENS")))
			.isInstanceOfSatisfying(ChangeRefusedException.class, ex -> assertThat(ex.problems())
				.extracting(p -> p.field())
				.containsExactlyInAnyOrder("topics", "referral", "returningCaller", "callerGroup"));
		assertThat(records.get(id).wrappedUp()).isFalse();
	}

	@Test
	void onlyAContactMomentHasAWrapUp() {
		long helpline = stopItNow();
		long id = unanswered(helpline, "2027-01-05T10:00:00Z", NUMBER, "SELF", CallOutcome.ABANDONED_WAITING, 50);

		assertThatThrownBy(() -> records.wrapUp(id, new WrapUp(List.of("OTHER"), null, null, null)))
			.isInstanceOf(ChangeRefusedException.class)
			.hasMessageContaining("only contact moments");
	}

	@Test
	void anEmailIsRegisteredWithItsDateAndAPersonKeyOnlyAsPseudonym() {
		long helpline = stopItNow();

		ContactView mail = records.register(new RegisteredContact(helpline, "email", LocalDate.parse("2027-01-04"),
				"SELF", "nl", "someone@example.org", List.of("DOWNLOADING"), null, null), null);

		assertThat(mail.channel()).isEqualTo("email");
		assertThat(mail.startedAround()).isEqualTo(LocalDateTime.parse("2027-01-04T00:00"));
		assertThat(mail.identified()).isTrue();
		assertThat(mail.contactMoment()).isTrue();
		assertThat(jdbc.sql("select count(*) from contact_record where hour_of_week is not null").query(Long.class)
			.single()).as("an e-mail's hour is unknown").isZero();
	}

	@Test
	void aRegistrationInTheFutureOrByPhoneIsRefused() {
		long helpline = stopItNow();

		assertThatThrownBy(() -> records.register(new RegisteredContact(helpline, "phone",
				LocalDate.parse("2027-02-01"), null, null, null, List.of(), null, null), null))
			.isInstanceOfSatisfying(ChangeRefusedException.class, ex -> assertThat(ex.problems())
				.extracting(p -> p.field())
				.containsExactlyInAnyOrder("channel", "date"));
		assertThat(countRecords()).isZero();
	}

}
