package org.helpline.web.page;

import java.util.List;

import org.helpline.IntegrationTest;
import org.helpline.counsellors.Counsellors;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.routing.HelplineRouting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Forms bound by Spring: a value that is not a number, date or time (a forged or scripted
 * post; the browser's own inputs do not send one) is refused beside its field in the problems
 * texts, not answered with a 400 page, and nothing is stored.
 */
@AutoConfigureMockMvc
class FormBindingTest extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcUserDetailsManager accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Counsellors counsellors;

	@Autowired
	HelplineRouting routing;

	Helpline helpline;

	@BeforeEach
	void aHelpline() {
		PageUsers.ensure(accounts, passwords);
		PageUsers.onlyAnna(jdbc, counsellors);
		helpline = helplines.create(new HelplineSettings("Stop it Now", List.of("08002666436"), "Europe/Amsterdam",
				"NL", "nl", 30));
	}

	@Test
	void lettersInARoutingNumberAreRefusedInTheProblemsTextsOnThePage() {
		FormProblems problems = refused(mvc.post().uri(helplinePath("/routing")).param("strategy", "ROUND_ROBIN")
			.param("wrapUpSeconds", "twee").param("wideningToLevel2", "3O").with(operator()));

		assertThat(problems.of("routing", "wrapUpSeconds")).extracting(FieldProblem::message)
			.containsExactly("'twee' is not a whole number");
		assertThat(problems.of("routing", "wideningSeconds")).extracting(FieldProblem::message)
			.containsExactly("'3O' is not a whole number");
		assertThat(routing.rules(helpline.id()).wrapUpSeconds()).isEqualTo(60);
		assertThat(mvc.get().uri(helplinePath("")).with(operator()).flashAttr("problems", problems)).hasStatusOk()
			.bodyText()
			.contains("id=\"routing-wrapUpSeconds-problem\"", "&#39;twee&#39; is geen heel getal");
	}

	@Test
	void aClosureDayThatIsNotADateIsRefused() {
		FormProblems problems = refused(mvc.post().uri(helplinePath("/closures")).param("firstDay", "12-01-2027")
			.with(operator()));

		assertThat(problems.of("closure", "firstDay")).extracting(FieldProblem::message)
			.containsExactly("'12-01-2027' is not a date like 2027-01-05");
		assertThat(helplines.get(helpline.id()).closures()).isEmpty();
	}

	@Test
	void aSpecialOpeningAtATimeThatIsNotATimeIsRefusedAndAnEmptyOneIsRequired() {
		FormProblems problems = refused(mvc.post().uri(helplinePath("/special-openings"))
			.param("date", "2027-12-25").param("start", "tien uur").param("end", "").with(operator()));

		assertThat(problems.problems()).extracting(FieldProblem::field, FieldProblem::message)
			.containsExactlyInAnyOrder(tuple("start", "'tien uur' is not a time like 09:00"),
					tuple("end", "is required"));
		assertThat(helplines.get(helpline.id()).specialOpenings()).isEmpty();
	}

	@Test
	void aRingTimeThatIsNotANumberIsRefusedForANewHelplineAndAnExistingOne() {
		FormProblems created = refused(mvc.post().uri("/operator/helplines").param("name", "Andere lijn")
			.param("numbers", "0800111222").param("timeZone", "Europe/Amsterdam").param("country", "NL")
			.param("language", "nl").param("ringTimeoutSeconds", "dertig").with(operator()));
		FormProblems updated = refused(mvc.post().uri(helplinePath("")).param("name", "Stop it Now")
			.param("numbers", "08002666436").param("timeZone", "Europe/Amsterdam").param("country", "NL")
			.param("language", "nl").param("ringTimeoutSeconds", "dertig").with(operator()));

		assertThat(List.of(created, updated)).allSatisfy(problems -> assertThat(problems.of("settings", "ringTimeoutSeconds"))
			.extracting(FieldProblem::message).containsExactly("'dertig' is not a whole number"));
		assertThat(helplines.all()).extracting(Helpline::name).containsExactly("Stop it Now");
	}

	@Test
	void aRegisteredChatWithADateThatIsNotADateIsRefused() {
		FormProblems problems = refused(mvc.post().uri("/counsellor/contacts")
			.param("helplineId", Long.toString(helpline.id())).param("channel", "chat").param("date", "gisteren")
			.with(user(PageUsers.COUNSELLOR).roles("COUNSELLOR")));

		assertThat(problems.of("register", "date")).extracting(FieldProblem::message)
			.containsExactly("'gisteren' is not a date like 2027-01-05");
	}

	@Test
	void anAccountLinkedToACounsellorIdThatIsNotANumberIsRefused() {
		FormProblems created = refused(mvc.post().uri("/admin/accounts").param("username", "bind-dora")
			.param("password", "correct-horse-battery").param("roles", "COUNSELLOR").param("counsellorId", "anna")
			.with(operator()));
		FormProblems updated = refused(mvc.post().uri("/admin/accounts/" + PageUsers.COUNSELLOR)
			.param("roles", "COUNSELLOR").param("enabled", "on").param("counsellorId", "anna").with(operator()));

		assertThat(created.of("newAccount", "counsellorId")).extracting(FieldProblem::message)
			.containsExactly("'anna' is not a whole number");
		assertThat(updated.of("accountForm", "counsellorId")).extracting(FieldProblem::message)
			.containsExactly("'anna' is not a whole number");
		assertThat(accounts.userExists("bind-dora")).isFalse();
	}

	private static FormProblems refused(MockMvcRequestBuilder post) {
		MvcTestResult result = post.with(csrf()).exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		return (FormProblems) result.getMvcResult().getFlashMap().get("problems");
	}

	private String helplinePath(String rest) {
		return "/operator/helplines/" + helpline.id() + rest;
	}

	private static RequestPostProcessor operator() {
		return user("operator").roles("OPERATOR", "ADMIN");
	}

}
