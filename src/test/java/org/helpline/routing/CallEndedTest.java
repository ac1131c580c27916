package org.helpline.routing;

import java.time.Duration;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.callflow.CallEnded;
import org.helpline.callflow.CallerLeft;
import org.helpline.contact.CallOutcome;
import org.helpline.contact.CompletedCall;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.RingResult;
import org.helpline.privacy.CallerNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: routing and the contact records learn that a call ended from the call flow's
 * events, not from ids the telephony adapter passes between them.
 */
class CallEndedTest extends RoutingTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	CallQueue applications;

	@Test
	void theEndOfAnAnsweredCallSendsTheCounsellorToWrapUpAndWritesTheRecordTheirWrapUpIsAbout() {
		rules(wrapUp(60));
		long anna = signedIn("Anna");
		join("c1");
		assertThat(offerFor("c1").counsellorId()).isEqualTo(anna);
		queue.ringResult("c1", RingResult.ANSWERED);

		events.publishEvent(new CallEnded("c1", new CompletedCall(helplineId, clock.instant(),
				CallerNumber.withheld(), "SELF", "nl", Duration.ofSeconds(10), Duration.ofSeconds(3),
				Duration.ofSeconds(60), anna, CallOutcome.ANSWERED, "phone")));

		assertThat(queue.holds("c1")).isFalse();
		assertThat(state(anna).state()).isEqualTo(CounsellorState.WRAP_UP);
		assertThat(counsellorCalls.lastContact(anna)).isPresent();
	}

	@Test
	void theEndOfACallWithNothingToRecordStillGivesUpItsPlace() {
		join("c1");

		events.publishEvent(new CallEnded("c1", null));

		assertThat(queue.holds("c1")).isFalse();
		assertThat(waiting()).isZero();
	}

	@Test
	void aCallerWhoLeftGivesUpTheirPlaceAndTheCounsellorClaimedForThem() {
		long anna = signedIn("Anna");
		join("c1");
		assertThat(offerFor("c1").counsellorId()).isEqualTo(anna);

		events.publishEvent(new CallerLeft("c1"));

		assertThat(queue.holds("c1")).isFalse();
		join("c2");
		assertThat(offerFor("c2").counsellorId()).isEqualTo(anna);
	}

	/** The tests hand these events to a queue of their own; the application's queue hears them itself. */
	@Test
	void theApplicationsQueueHearsCounsellorsAndTheCallFlow() {
		applications.join("left", helplineId, new CallerGroup("SELF"), Language.DUTCH, clock.instant());
		applications.join("ended", helplineId, new CallerGroup("SELF"), Language.DUTCH, clock.instant());

		long anna = signedIn("Anna");
		assertThat(applications.await("left", Duration.ZERO)).isInstanceOf(QueueOutcome.Offered.class);
		events.publishEvent(new CallerLeft("left"));
		events.publishEvent(new CallEnded("ended", null));

		assertThat(applications.holds("left")).isFalse();
		assertThat(applications.holds("ended")).isFalse();
		assertThat(state(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
	}

}
