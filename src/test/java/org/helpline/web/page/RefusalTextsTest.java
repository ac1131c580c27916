package org.helpline.web.page;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** One refused field reads alike in the API and on the English page, from i18n/problems; Dutch on the Dutch page. */
@AutoConfigureMockMvc
class RefusalTextsTest extends IntegrationTest {

	private static final String ENGLISH = "a name of 1 to 100 characters is required";

	private static final String DUTCH = "vul een naam van 1 tot 100 tekens in";

	@Autowired
	MockMvcTester mvc;

	@Test
	void aNamelessHelplineIsRefusedInTheSameWordsByTheApiAndThePage() {
		assertThat(mvc.post().uri("/api/helplines").with(operator()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"\", \"numbers\": [\"0800111222\"], \"timeZone\": \"Europe/Amsterdam\","
					+ " \"country\": \"NL\", \"language\": \"nl\", \"ringTimeoutSeconds\": 25}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[?(@.field == 'name')].message",
					v -> v.assertThat().asArray().containsExactly(ENGLISH));

		FormProblems problems = (FormProblems) mvc.post().uri("/operator/helplines").param("name", "")
			.param("numbers", "0800111222").param("timeZone", "Europe/Amsterdam").param("country", "NL")
			.param("language", "nl").param("ringTimeoutSeconds", "25")
			.with(operator()).with(csrf())
			.exchange().getMvcResult().getFlashMap().get("problems");
		assertThat(mvc.get().uri("/operator?lang=en").with(operator()).flashAttr("problems", problems))
			.bodyText().contains(ENGLISH);
		assertThat(mvc.get().uri("/operator?lang=nl").with(operator()).flashAttr("problems", problems))
			.bodyText().contains(DUTCH).doesNotContain(ENGLISH);
	}

	private static RequestPostProcessor operator() {
		return user("operator").roles("OPERATOR");
	}

}
