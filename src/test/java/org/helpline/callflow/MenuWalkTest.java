package org.helpline.callflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.helpline.callflow.MenuStep.Ask;
import org.helpline.callflow.MenuStep.HangUp;
import org.helpline.callflow.MenuStep.Queue;
import org.helpline.callflow.MenuStep.Say;
import org.helpline.menu.Action;
import org.helpline.menu.Choice;
import org.helpline.menu.Menu;
import org.helpline.menu.Option;
import org.helpline.prompts.Prompt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** One caller's way through the menu, branch by branch, as the telephony adapter drives it. */
class MenuWalkTest {

	@Test
	void aValidKeyQueuesWithItsCallerGroup() {
		MenuWalk walk = MenuWalk.start(Menu.defaults(), "nl");

		assertThat(walk.next()).isEqualTo(new Ask(nl("welcome", "choose-group"), true, "12309", Duration.ofSeconds(5)));
		walk.pressed("2");

		assertThat(walk.next()).isEqualTo(Queue.of("PARTNER_FAMILY", "nl"));
		assertThat(walk.path()).containsExactly("welcome", "ask", "2");
	}

	@Test
	void anInvalidKeyIsToldThenTheChoiceIsAskedAgain() {
		MenuWalk walk = MenuWalk.start(Menu.defaults(), "nl");
		walk.next();
		walk.pressed("7");

		assertThat(walk.next()).isEqualTo(new Ask(nl("invalid-choice", "choose-group"), true, "12309",
				Duration.ofSeconds(5)));
		walk.pressed("1");

		assertThat(walk.next()).isEqualTo(Queue.of("SELF", "nl"));
		assertThat(walk.path()).containsExactly("welcome", "ask", "invalid:7", "ask", "1");
	}

	@Test
	void noKeyAfterEveryRepeatTakesTheDefault() {
		MenuWalk walk = MenuWalk.start(Menu.defaults(), "nl");

		List<MenuStep> steps = pressNothingUntilTheEnd(walk);

		// Asked once and then repeats (2) times more.
		assertThat(steps).containsExactly(
				new Ask(nl("welcome", "choose-group"), true, "12309", Duration.ofSeconds(5)),
				new Ask(nl("no-choice", "choose-group"), true, "12309", Duration.ofSeconds(5)),
				new Ask(nl("no-choice", "choose-group"), true, "12309", Duration.ofSeconds(5)),
				Queue.of("OTHER", "nl"));
		assertThat(walk.path()).containsExactly("welcome", "ask", "no-input", "ask", "no-input", "ask", "no-input",
				"default:0");
	}

	@Test
	void noRepeatsTakesTheDefaultAfterTheFirstSilence() {
		MenuWalk walk = MenuWalk.start(withChoice(c -> new Choice(c.prompt(), c.options(), 5, 0, "3", null, null)),
				"nl");

		assertThat(pressNothingUntilTheEnd(walk)).hasSize(2).last().isEqualTo(Queue.of("PROFESSIONAL", "nl"));
	}

	@Test
	void theDefaultsMessageIsSaidBeforeTheCallEnds() {
		Menu menu = withOptions("5", 0, new Option("1", Action.QUEUE, "SELF", null, null),
				new Option("5", Action.MESSAGE_AND_HANG_UP, null, null, "alternatives"));
		MenuWalk walk = MenuWalk.start(menu, "nl");

		assertThat(pressNothingUntilTheEnd(walk)).containsExactly(
				new Ask(nl("welcome", "choose-group"), true, "15", Duration.ofSeconds(5)),
				new Say(nl("alternatives")), new HangUp("nl"));
	}

	@Test
	void withoutSkipOnKeyTheWelcomeIsPlayedWholeBeforeTheChoice() {
		Menu defaults = Menu.defaults();
		MenuWalk walk = MenuWalk.start(new Menu(defaults.welcome(), defaults.languages(), defaults.choice(), false),
				"nl");

		assertThat(walk.next()).isEqualTo(new Say(nl("welcome")));
		assertThat(walk.next()).isEqualTo(new Ask(nl("choose-group"), false, "12309", Duration.ofSeconds(5)));
		walk.pressed(null);
		assertThat(walk.next()).isEqualTo(new Ask(nl("no-choice", "choose-group"), false, "12309",
				Duration.ofSeconds(5)));
	}

	@Test
	void theLanguageKeyAsksAgainInThatLanguageWithAFreshCountOfAttempts() {
		MenuWalk walk = MenuWalk.start(Menu.defaults(), "nl");
		walk.next();
		walk.pressed(null);
		walk.next();
		walk.pressed(null);
		walk.next();
		walk.pressed("9");

		assertThat(walk.next()).isEqualTo(new Ask(List.of(new Prompt("en", "choose-group")), true, "12309",
				Duration.ofSeconds(5)));
		assertThat(walk.language()).isEqualTo("en");
		// Two silences in Dutch already; without the reset the next one would take the default.
		walk.pressed(null);
		assertThat(walk.next()).isInstanceOf(Ask.class);
		walk.pressed(null);
		assertThat(walk.next()).isEqualTo(new Ask(List.of(new Prompt("en", "no-choice"), new Prompt("en",
				"choose-group")), true, "12309", Duration.ofSeconds(5)));
		walk.pressed(null);
		assertThat(walk.next()).isEqualTo(Queue.of("OTHER", "en"));
	}

	@Test
	void aMessageAndReturnIsSaidAndTheChoiceAskedAgainWithoutCountingAsAFailure() {
		Menu menu = withOptions("1", 1, new Option("1", Action.QUEUE, "SELF", null, null),
				new Option("8", Action.MESSAGE_AND_RETURN, null, null, "alternatives"));
		MenuWalk walk = MenuWalk.start(menu, "nl");
		walk.next();
		walk.pressed(null);
		walk.next();
		walk.pressed("8");

		// One silence and repeats 1: had 8 counted, the default would be taken now.
		assertThat(walk.next()).isEqualTo(new Say(nl("alternatives")));
		assertThat(walk.next()).isEqualTo(new Ask(nl("choose-group"), true, "18", Duration.ofSeconds(5)));
		walk.pressed(null);
		assertThat(walk.next()).isEqualTo(Queue.of("SELF", "nl"));
	}

	@Test
	void aMessageAndHangUpIsSaidAndTheCallEnds() {
		Menu menu = withOptions("1", 2, new Option("1", Action.QUEUE, "SELF", null, null),
				new Option("4", Action.MESSAGE_AND_HANG_UP, null, null, "alternatives"));
		MenuWalk walk = MenuWalk.start(menu, "nl");
		walk.next();
		walk.pressed("4");

		assertThat(walk.next()).isEqualTo(new Say(nl("alternatives")));
		assertThat(walk.next()).isEqualTo(new HangUp("nl"));
		assertThat(walk.path()).containsExactly("welcome", "ask", "4", "message:alternatives");
	}

	@Test
	void aQueueOptionsMessageIsSaidBeforeQueueing() {
		Menu menu = withOptions("1", 2, new Option("1", Action.QUEUE, "SELF", null, "alternatives"));
		MenuWalk walk = MenuWalk.start(menu, "nl");
		walk.next();
		walk.pressed("1");

		assertThat(walk.next()).isEqualTo(new Say(nl("alternatives")));
		assertThat(walk.next()).isEqualTo(Queue.of("SELF", "nl"));
	}

	@Test
	void withoutAChoiceTheWelcomeIsFollowedByTheQueueWithNoCallerGroup() {
		MenuWalk walk = MenuWalk.start(new Menu("welcome", List.of("nl", "en"), null, true), "nl");

		assertThat(walk.next()).isEqualTo(new Say(nl("welcome")));
		assertThat(walk.next()).isEqualTo(Queue.of(null, "nl"));
		assertThat(walk.next()).as("the end stays the end").isEqualTo(Queue.of(null, "nl"));
		assertThat(walk.path()).containsExactly("welcome");
	}

	@Test
	void aHelplineLanguageTheMenuDoesNotOfferStartsInTheMenusFirstLanguage() {
		Menu defaults = Menu.defaults();
		MenuWalk walk = MenuWalk.start(new Menu("welcome", List.of("en"), defaults.choice(), true), "nl");

		assertThat(walk.language()).isEqualTo("en");
		assertThat(((Ask) walk.next()).prompts()).containsExactly(new Prompt("en", "welcome"),
				new Prompt("en", "choose-group"));
	}

	@Test
	void theAdapterMustAnswerEveryAskAndOnlyAnAsk() {
		MenuWalk walk = MenuWalk.start(Menu.defaults(), "nl");

		assertThatIllegalStateException().isThrownBy(() -> walk.pressed("1"));
		walk.next();
		assertThatIllegalStateException().isThrownBy(walk::next);
	}

	private static List<MenuStep> pressNothingUntilTheEnd(MenuWalk walk) {
		List<MenuStep> steps = new ArrayList<>();
		MenuStep step;
		do {
			step = walk.next();
			steps.add(step);
			if (step instanceof Ask) {
				walk.pressed(null);
			}
		}
		while (step instanceof Ask || step instanceof Say);
		return steps;
	}

	private static Menu withChoice(java.util.function.UnaryOperator<Choice> change) {
		Menu defaults = Menu.defaults();
		return new Menu(defaults.welcome(), defaults.languages(), change.apply(defaults.choice()), true);
	}

	private static Menu withOptions(String defaultDigit, int repeats, Option... options) {
		return withChoice(c -> new Choice("choose-group", List.of(options), 5, repeats, defaultDigit, "invalid-choice",
				"no-choice"));
	}

	private static List<Prompt> nl(String... keys) {
		return java.util.Arrays.stream(keys).map(key -> new Prompt("nl", key)).toList();
	}

}
