package org.helpline.menu;

import java.util.List;
import java.util.Set;

import org.helpline.helplines.FieldProblem;
import org.helpline.prompts.PromptCatalogue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of menu a caller could not get through is refused, naming the field to fix. */
class MenuValidatorTest {

	static final List<String> GROUPS = List.of("SELF", "PARTNER_FAMILY", "PROFESSIONAL", "OTHER");

	final MenuValidator validator = new MenuValidator(GROUPS);

	/** Every key in both languages, except {@code only-dutch}, which has no English text. */
	final MenuValidator.PromptExists prompts = prompt -> Set
		.of("welcome", "choose-group", "invalid-choice", "no-choice", "info", "alternatives")
		.contains(prompt.key()) || (prompt.key().equals("only-dutch") && prompt.language().equals("nl"));

	@Test
	void theDefaultMenuIsValidAgainstTheRealPrompts() {
		PromptCatalogue catalogue = new PromptCatalogue(java.util.Map::of);

		assertThat(validator.problems(Menu.defaults(), p -> catalogue.text(p).isPresent())).isEmpty();
	}

	@Test
	void aWelcomeWithoutChoiceIsValid() {
		assertThat(validator.problems(new Menu("welcome", List.of("nl"), null, false), prompts)).isEmpty();
	}

	@Test
	void aDigitMustBeOneKey() {
		assertThat(problems(options("1", queue("1", "SELF"), queue("12", "OTHER"), queue("a", "OTHER"))))
			.containsExactly(
					new FieldProblem("choice.options[1].digit", "must be one of 0-9, * or #, not '12'"),
					new FieldProblem("choice.options[2].digit", "must be one of 0-9, * or #, not 'a'"));
	}

	@Test
	void aDigitMayBeUsedOnce() {
		assertThat(problems(options("1", queue("1", "SELF"), queue("#", "OTHER"), queue("1", "OTHER"))))
			.containsExactly(new FieldProblem("choice.options[2].digit", "digit 1 is already option 0"));
	}

	@Test
	void aQueueOptionNeedsAKnownCallerGroup() {
		assertThat(problems(options("1", queue("1", "SELF"), queue("2", "NEIGHBOUR"), queue("3", null))))
			.extracting(FieldProblem::field)
			.containsExactly("choice.options[1].callerGroup", "choice.options[2].callerGroup");
	}

	@Test
	void aMessageOptionNeedsAMessage() {
		assertThat(problems(options("1", queue("1", "SELF"), new Option("2", Action.MESSAGE_AND_RETURN, null, null,
				null), new Option("3", Action.MESSAGE_AND_HANG_UP, null, null, null))))
			.containsExactly(new FieldProblem("choice.options[1].message", "MESSAGE_AND_RETURN needs a message to play"),
					new FieldProblem("choice.options[2].message", "MESSAGE_AND_HANG_UP needs a message to play"));
	}

	@Test
	void aLanguageOptionNeedsALanguageTheMenuOffers() {
		Menu menu = new Menu("welcome", List.of("nl"), choice("1", queue("1", "SELF"),
				new Option("9", Action.LANGUAGE, null, "en", null)), true);

		assertThat(problems(menu)).containsExactly(
				new FieldProblem("choice.options[1].language", "must be one of the menu's languages [nl], not 'en'"));
	}

	@Test
	void anOptionWithoutActionIsNamed() {
		assertThat(problems(options("1", queue("1", "SELF"), new Option("2", null, null, null, null))))
			.extracting(FieldProblem::field)
			.containsExactly("choice.options[1].action");
	}

	@Test
	void aMenuWithoutWayOutIsRefused() {
		assertThat(problems(options("8", new Option("8", Action.MESSAGE_AND_RETURN, null, null, "info"))))
			.extracting(FieldProblem::field)
			.containsExactly("choice.options", "choice.defaultDigit");
	}

	@Test
	void theDefaultMustEndTheMenu() {
		assertThat(problems(options("8", queue("1", "SELF"),
				new Option("8", Action.MESSAGE_AND_RETURN, null, null, "info"))))
			.containsExactly(new FieldProblem("choice.defaultDigit",
					"option 8 plays a message and returns to the menu; the default must end the menu"));
		assertThat(problems(options("9", queue("1", "SELF"), new Option("9", Action.LANGUAGE, null, "en", null))))
			.containsExactly(new FieldProblem("choice.defaultDigit",
					"option 9 switches the language and returns to the menu; the default must end the menu"));
	}

	@Test
	void theDefaultMustNameAnOption() {
		assertThat(problems(options("7", queue("1", "SELF")))).containsExactly(
				new FieldProblem("choice.defaultDigit", "no option has digit 7"));
		assertThat(problems(options(null, queue("1", "SELF")))).extracting(FieldProblem::field)
			.containsExactly("choice.defaultDigit");
	}

	@Test
	void aChoiceNeedsOptions() {
		assertThat(problems(options("1"))).extracting(FieldProblem::field)
			.contains("choice.options");
	}

	@Test
	void everyPromptMustExistInEveryLanguageOfTheMenu() {
		Choice choice = new Choice("choose-group", List.of(new Option("1", Action.QUEUE, "SELF", null, "only-dutch")),
				5, 2, "1", "missing", null);

		assertThat(problems(new Menu("welcome", List.of("nl", "en"), choice, true))).containsExactly(
				new FieldProblem("choice.invalidPrompt", "prompt 'missing' has no text in nl, en"),
				new FieldProblem("choice.options[0].message", "prompt 'only-dutch' has no text in en"));
		assertThat(validator.problems(new Menu("welcome", List.of("nl"), choice, true), prompts))
			.extracting(FieldProblem::field)
			.containsExactly("choice.invalidPrompt");
	}

	@Test
	void theWelcomeAndTheQuestionMustBeRecorded() {
		Choice choice = new Choice("nothing", List.of(queue("1", "SELF")), 5, 2, "1", null, "");

		assertThat(validator.problems(new Menu("hello", List.of("nl"), choice, true), prompts))
			.extracting(FieldProblem::field)
			.containsExactly("welcome", "choice.prompt", "choice.noInputPrompt");
	}

	@Test
	void languagesMustBeKnownAndListedOnce() {
		assertThat(problems(new Menu("welcome", List.of("nl", "de", "nl"), null, true)))
			.containsExactly(new FieldProblem("languages[1]", "must be one of [nl, en], not 'de'"),
					new FieldProblem("languages[2]", "nl is listed twice"));
		assertThat(problems(new Menu("welcome", java.util.Arrays.asList("en", null), null, true)))
			.containsExactly(new FieldProblem("languages[1]", "must be one of [nl, en], not 'null'"));
		assertThat(validator.problems(new Menu("welcome", List.of(), null, true), prompts))
			.extracting(FieldProblem::field)
			.containsExactly("languages");
	}

	@Test
	void timeoutAndRepeatsMustBeInRange() {
		for (int[] bad : new int[][] { { 0, 6 }, { 31, -1 } }) {
			Choice choice = new Choice("choose-group", List.of(queue("1", "SELF")), bad[0], bad[1], "1", null, null);

			assertThat(validator.problems(new Menu("welcome", List.of("nl"), choice, true), prompts))
				.extracting(FieldProblem::field)
				.containsExactly("choice.timeoutSeconds", "choice.repeats");
		}
		Choice edges = new Choice("choose-group", List.of(queue("1", "SELF")), 30, 5, "1", null, null);
		assertThat(validator.problems(new Menu("welcome", List.of("nl"), edges, true), prompts)).isEmpty();
	}

	/** The problems as the API words them; their texts in the pages' languages are tested apart. */
	private List<FieldProblem> problems(Menu menu) {
		return validator.problems(menu, prompts)
			.stream()
			.map(p -> new FieldProblem(p.field(), p.message()))
			.toList();
	}

	private static Menu options(String defaultDigit, Option... options) {
		return new Menu("welcome", List.of("nl", "en"), choice(defaultDigit, options), true);
	}

	private static Choice choice(String defaultDigit, Option... options) {
		return new Choice("choose-group", List.of(options), 5, 2, defaultDigit, "invalid-choice", "no-choice");
	}

	private static Option queue(String digit, String group) {
		return new Option(digit, Action.QUEUE, group, null, null);
	}

}
