package org.helpline.callflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallDecision.Outcome;
import org.helpline.callflow.CallStep.Dial;
import org.helpline.callflow.CallStep.End;
import org.helpline.callflow.CallStep.Queue.Entry;
import org.helpline.callflow.CallStep.Wait;
import org.helpline.callflow.MenuStep.Ask;
import org.helpline.callflow.MenuStep.Say;
import org.helpline.contact.CallOutcome;
import org.helpline.menu.Action;
import org.helpline.menu.Choice;
import org.helpline.menu.Menu;
import org.helpline.menu.Option;
import org.helpline.privacy.CallerNumber;
import org.helpline.prompts.Prompt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A call's steps from its first session to the dial or the end, and what the call keeps of them. */
class CallWalkTest {

	static final Instant START = Instant.parse("2027-01-05T09:00:00Z");

	final Clock clock = Clock.fixed(START.plusSeconds(20), ZoneOffset.UTC);

	final Call call = new Call(7, START, CallerNumber.withheld(), Language.DUTCH);

	@Test
	void aClosedLineSaysItsMessageThenEndsAndKeepsItsOneRecord() {
		Announce closed = new Announce(7L, "Stop it Now", List.of(new Prompt("nl", "closed-evening")),
				Outcome.CLOSED_OUTSIDE_HOURS);

		CallWalk walk = CallWalk.toClosedLine("c1", closed, START, CallerNumber.withheld(), clock);

		assertThat(walk.next()).isEqualTo(new Say(List.of(new Prompt("nl", "closed-evening"))));
		assertThat(walk.next()).isEqualTo(new End("closed_outside_hours", true));
		assertThat(walk.next()).as("the end stays the end").isEqualTo(new End("closed_outside_hours", true));
		assertThat(walk.closedLineRecord()).get()
			.satisfies(ended -> assertThat(ended.record().outcome()).isEqualTo(CallOutcome.OUT_OF_HOURS));
	}

	@Test
	void aNumberOfNoHelplineEndsAsUnknownAndLeavesNoRecord() {
		Announce unknown = new Announce(null, null, List.of(new Prompt("nl", "unknown-number")),
				Outcome.UNKNOWN_NUMBER);

		CallWalk walk = CallWalk.toClosedLine("c1", unknown, START, CallerNumber.withheld(), clock);
		walk.next();

		assertThat(walk.next()).isEqualTo(new End("unknown_number", false));
		assertThat(walk.closedLineRecord()).isEmpty();
	}

	@Test
	void aChoiceInTheMenuQueuesWithItsGroupThenWaitsThenDialsTheOfferedCounsellor() {
		CallWalk walk = CallWalk.throughTheMenu("c1", call, Menu.defaults(), clock);

		assertThat(walk.next()).isInstanceOf(Ask.class);
		walk.pressed("3");
		assertThat(walk.next()).isEqualTo(new CallStep.Queue(new CallerGroup("PROFESSIONAL"), Language.DUTCH,
				START.plusSeconds(20), Entry.FROM_MENU));
		assertThat(walk.next()).isEqualTo(new Wait(Language.DUTCH));
		walk.offered(4);

		assertThat(walk.next()).isEqualTo(new Dial(4));
		call.answered(START.plusSeconds(30));
		assertThat(call.completed(START.plusSeconds(90), Duration.ofSeconds(60)).counsellorId()).isEqualTo(4L);
	}

	@Test
	void aMenuWithoutAChoiceQueuesTheCallerBeforeTheWelcome() {
		Menu welcomeOnly = new Menu("welcome", List.of("nl", "en"), null, false);

		CallWalk walk = CallWalk.throughTheMenu("c1", call, welcomeOnly, clock);

		assertThat(walk.next()).isInstanceOf(CallStep.Queue.class);
		assertThat(walk.next()).isEqualTo(new Say(List.of(new Prompt("nl", "welcome"))));
		assertThat(walk.next()).isEqualTo(new Wait(Language.DUTCH));
	}

	@Test
	void aCallerWhoHangsUpInTheMenuLeftInItAndHadNoPlaceToGiveUp() {
		CallWalk walk = CallWalk.throughTheMenu("c1", call, Menu.defaults(), clock);
		walk.next();

		assertThat(walk.hungUp()).isEmpty();
		assertThat(call.completed(START.plusSeconds(5), null).outcome()).isEqualTo(CallOutcome.ABANDONED_IN_MENU);
	}

	@Test
	void aCallerWhoHangsUpDuringTheWelcomeWhileQueuedGivesUpTheirPlace() {
		CallWalk walk = CallWalk.throughTheMenu("c1", call, new Menu("welcome", null, null, false), clock);
		walk.next();
		walk.next();

		assertThat(walk.hungUp()).contains(new CallerLeft("c1"));
		assertThat(walk.hungUp()).as("given up once").isEmpty();
	}

	@Test
	void aCallerSentAwayHearsWhyAndTheCallEndsAsSentAway() {
		CallWalk walk = CallWalk.backToItsPlace("c1", call, null, Language.ENGLISH, START, Entry.SESSION_RETRIED,
				clock);
		assertThat(walk.next()).isEqualTo(new CallStep.Queue(null, Language.ENGLISH, START, Entry.SESSION_RETRIED));
		assertThat(walk.next()).isEqualTo(new Wait(Language.ENGLISH));

		walk.nobodyAvailable();

		assertThat(walk.next()).isEqualTo(new Say(SentAway.nobodyAvailable("en")));
		assertThat(walk.next()).isEqualTo(new End("nobody-available", true));
		assertThat(call.completed(START.plusSeconds(40), null).outcome()).isEqualTo(CallOutcome.NOBODY_AVAILABLE);
	}

	@Test
	void aCallerBackFromARingKeepsTheirFirstPlace() {
		call.queued(START.plusSeconds(5));

		CallWalk walk = CallWalk.backToItsPlace("c1", call, null, Language.DUTCH, START.plusSeconds(60),
				Entry.BACK_FROM_RING, clock);

		assertThat(walk.next()).isEqualTo(new CallStep.Queue(null, Language.DUTCH, START.plusSeconds(5),
				Entry.BACK_FROM_RING));
	}

	@Test
	void ourFailureWhileQueuedEndsTheCallAsOurFailureAndGivesUpItsPlace() {
		CallWalk walk = CallWalk.stillInTheQueue("c1", call, clock);
		walk.next();

		assertThat(walk.failed()).contains(new CallerLeft("c1"));
		assertThat(call.completed(START.plusSeconds(40), null).outcome()).isEqualTo(CallOutcome.TECHNICAL_FAILURE);
	}

	@Test
	void theMenuThatTellsWhatTheCallerNeededEndsTheCallAsInformed() {
		Choice choice = new Choice("choose-group", List.of(new Option("1", Action.QUEUE, "SELF", null, null),
				new Option("5", Action.MESSAGE_AND_HANG_UP, null, null, "alternatives")), 5, 0, "1", null, null);
		CallWalk walk = CallWalk.throughTheMenu("c1", call, new Menu("welcome", null, choice, true), clock);
		walk.next();
		walk.pressed("5");

		assertThat(walk.next()).isEqualTo(new Say(List.of(new Prompt("nl", "alternatives"))));
		assertThat(walk.next()).isEqualTo(new End("informed", true));
		assertThat(walk.hungUp()).as("no place in the queue").isEmpty();
		assertThat(call.completed(START.plusSeconds(40), null).outcome()).isEqualTo(CallOutcome.INFORMED_IN_MENU);
	}

}
