package org.helpline.web;

import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.ProblemCode;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/** The API words a refused field from i18n/problems, as the pages do, not from the Java text. */
class ApiExceptionHandlerTest {

	private final ApiExceptionHandler handler = new ApiExceptionHandler(new ProblemTexts(messages()));

	@Test
	void aCodedProblemIsAnsweredInTheEnglishTextOfTheBundleWithItsValues() {
		ProblemDetail answer = handler.refused(new ChangeRefusedException(
				List.of(FieldProblem.of(ProblemCode.HELPLINE_NAME_TAKEN, "name", "Stop it Now"))));

		assertThat(answer.getProperties().get("errors")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly(new ApiExceptionHandler.Error("name", "another helpline is already called 'Stop it Now'",
					"helpline.name-taken", List.of("Stop it Now")));
		assertThat(answer.getDetail()).endsWith("name: another helpline is already called 'Stop it Now'");
	}

	@Test
	void aProblemOnlyTheApiMakesKeepsItsOwnWords() {
		ProblemDetail answer = handler.refused(new ChangeRefusedException("body", "a request body is required"));

		assertThat(answer.getDetail()).isEqualTo("The change was refused; nothing was stored. body: a request body is required");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/problems");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
