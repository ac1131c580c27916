package org.helpline.web.page;

import java.util.List;
import java.util.Locale;

import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.ProblemCode;
import org.helpline.web.ProblemTexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused form's reasons in the page's language, from the same bundles the pages use. */
class ProblemTextsTest {

	private static final FieldProblem TOO_SHORT = FieldProblem.of(ProblemCode.ACCOUNT_PASSWORD_TOO_SHORT,
			"password", 12);

	private final ProblemTexts texts = new ProblemTexts(messages());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aDutchPageShowsTheDutchTextWithItsValuesFilledIn() {
		LocaleContextHolder.setLocale(Locale.of("nl"));

		assertThat(texts.text(TOO_SHORT)).isEqualTo("gebruik minstens 12 tekens");
		assertThat(texts.text(FieldProblem.of(ProblemCode.MENU_LANGUAGE_NOT_IN_MENU, "choice.options[0].language",
				List.of("nl"), "en")))
			.isEqualTo("kies een van de talen van het menu [nl], niet 'en'");
	}

	@Test
	void anEnglishPageShowsTheSameWordsAsTheDomainsMessage() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(texts.text(TOO_SHORT)).isEqualTo("at least 12 characters are required")
			.isEqualTo(TOO_SHORT.message());
		assertThat(texts.text(FieldProblem.of(ProblemCode.MENU_NO_END, "choice.options")))
			.isEqualTo("no option ends the menu: at least one must be QUEUE or MESSAGE_AND_HANG_UP, else the caller "
					+ "can never leave it");
	}

	@Test
	void numbersShowAsTheEnglishMessageShowsThemNotGroupedByLanguage() {
		LocaleContextHolder.setLocale(Locale.of("nl"));

		assertThat(texts.text(FieldProblem.of(ProblemCode.ROUTING_SECONDS_RANGE, "ringSeconds", 1000, 7200)))
			.isEqualTo("kies 1000 tot 7200 seconden");
	}

	@Test
	void aProblemWithoutCodeShowsItsEnglishMessage() {
		LocaleContextHolder.setLocale(Locale.of("nl"));

		assertThat(texts.text(new FieldProblem("body", "a request body is required")))
			.isEqualTo("a request body is required");
	}

	@Test
	void aCodeWithoutATextShowsTheCodeRatherThanNothing() {
		LocaleContextHolder.setLocale(Locale.of("nl"));

		assertThat(texts.text(new FieldProblem("digit", "menu.no-such-problem", List.of("x"), null)))
			.isEqualTo("problem.menu.no-such-problem");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/problems");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
