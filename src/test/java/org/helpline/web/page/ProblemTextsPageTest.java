package org.helpline.web.page;

import org.helpline.IntegrationTest;
import org.helpline.helplines.FieldProblem;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** A refused form says why in the page's language, while the API keeps its English. */
@AutoConfigureMockMvc
class ProblemTextsPageTest extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aRefusedFormGivesItsReasonsInDutchOnTheDutchPageAndInEnglishOnTheEnglishOne() {
		FormProblems problems = (FormProblems) mvc.post()
			.uri("/admin/accounts")
			.param("username", "i18n-cora")
			.param("password", "too-short")
			.param("roles", "COUNSELLOR")
			.with(user("operator").roles("OPERATOR", "ADMIN"))
			.with(csrf())
			.exchange()
			.getMvcResult()
			.getFlashMap()
			.get("problems");
		assertThat(problems.of("newAccount", "password"))
			.extracting(FieldProblem::message).containsExactly("at least 12 characters are required");

		assertThat(mvc.get().uri("/admin/accounts").with(user("operator").roles("OPERATOR", "ADMIN"))
			.flashAttr("problems", problems)).hasStatusOk()
			.bodyText()
			.contains("gebruik minstens 12 tekens")
			.doesNotContain("at least 12 characters are required");
		assertThat(mvc.get().uri("/admin/accounts?lang=en").with(user("operator").roles("OPERATOR", "ADMIN"))
			.flashAttr("problems", problems)).hasStatusOk()
			.bodyText()
			.contains("at least 12 characters are required")
			.doesNotContain("gebruik minstens 12 tekens");
	}

}
