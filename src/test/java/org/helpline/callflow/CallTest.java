package org.helpline.callflow;

import java.time.Duration;
import java.time.Instant;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.contact.CallOutcome;
import org.helpline.contact.CompletedCall;
import org.helpline.privacy.CallerNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The call alone decides its outcome and its one record, whatever order the news comes in. */
class CallTest {

	private static final Instant START = Instant.parse("2027-01-05T09:00:00Z");

	private final Call call = new Call(7, START, CallerNumber.withheld(), Language.DUTCH);

	@Test
	void anAnsweredCallCountsItsWaitFromTheQueueAndItsRingUntilTheAnswer() {
		call.chose(new CallerGroup("SELF"));
		call.queued(START.plusSeconds(20));
		call.queued(START.plusSeconds(50));
		call.ringing(3, START.plusSeconds(80));
		call.answered(START.plusSeconds(86));

		CompletedCall done = call.completed(START.plusSeconds(400), Duration.ofSeconds(300));

		assertThat(done.outcome()).isEqualTo(CallOutcome.ANSWERED);
		assertThat(done.waiting()).as("from the first entry into the queue").isEqualTo(Duration.ofSeconds(60));
		assertThat(done.ringing()).isEqualTo(Duration.ofSeconds(6));
		assertThat(done.talk()).isEqualTo(Duration.ofSeconds(300));
		assertThat(done.counsellorId()).isEqualTo(3L);
		assertThat(done.callerGroup()).isEqualTo("SELF");
		assertThat(done.language()).isEqualTo("nl");
	}

	@Test
	void theFirstReasonAnUnansweredCallEndedForWins() {
		call.queued(START);
		call.leftWhileWaiting();
		call.overflowed();

		assertThat(call.completed(START.plusSeconds(30), null).outcome()).isEqualTo(CallOutcome.ABANDONED_WAITING);
	}

	@Test
	void theDialplanGivingUpOnUsOverridesTheHangUpItCaused() {
		call.queued(START);
		call.leftWhileWaiting();
		call.dialplanGaveUp();

		assertThat(call.completed(START.plusSeconds(30), null).outcome()).isEqualTo(CallOutcome.TECHNICAL_FAILURE);
	}

	@Test
	void aCounsellorWhoRangButDidNotAnswerIsNotOnTheRecord() {
		call.queued(START);
		call.ringing(3, START.plusSeconds(10));

		CompletedCall done = call.completed(START.plusSeconds(30), null);

		assertThat(done.outcome()).isEqualTo(CallOutcome.ABANDONED_WAITING);
		assertThat(done.counsellorId()).isNull();
		assertThat(done.waiting()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aCallerWhoHangsUpInTheMenuIsRecordedSo() {
		call.leftInMenu();

		assertThat(call.completed(START.plusSeconds(12), null).outcome()).isEqualTo(CallOutcome.ABANDONED_IN_MENU);
	}

}
