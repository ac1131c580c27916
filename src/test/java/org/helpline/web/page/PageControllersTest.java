package org.helpline.web.page;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.helpline.IntegrationTest;
import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.contact.ContactRecords;
import org.helpline.contact.RegisteredContact;
import org.helpline.counsellors.CounsellorCalls;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.CurrentCall;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.routing.HelplineRouting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** What the page controllers do with forms: change the domain, audit, refuse with the field named. */
@AutoConfigureMockMvc
class PageControllersTest extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcUserDetailsManager accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Counsellors counsellors;

	@Autowired
	CounsellorCalls calls;

	@Autowired
	ContactRecords records;

	@Autowired
	HelplineRouting routing;

	@Autowired
	AuditTrail audit;

	Helpline helpline;

	long anna;

	@BeforeEach
	void aHelplineAndAnna() {
		PageUsers.ensure(accounts, passwords);
		anna = PageUsers.onlyAnna(jdbc, counsellors).id();
		helpline = helplines.create(new HelplineSettings("Stop it Now", List.of("08002666436"), "Europe/Amsterdam",
				"NL", "nl", 30));
	}

	@Test
	void eachRoleStartsOnItsOwnPage() {
		assertThat(mvc.get().uri("/").with(user("c").roles("COUNSELLOR"))).hasRedirectedUrl("/counsellor");
		assertThat(mvc.get().uri("/").with(user("o").roles("OPERATOR"))).hasRedirectedUrl("/operator");
		assertThat(mvc.get().uri("/").with(user("a").roles("ANALYST"))).hasRedirectedUrl("/analyst");
		assertThat(mvc.get().uri("/counsellor")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
	}

	@Test
	void aClosureDayAddedThroughThePageIsStoredAndAuditedButNotWithoutTheCsrfToken() {
		String path = "/operator/helplines/" + helpline.id() + "/closures";
		assertThat(mvc.post().uri(path).param("firstDay", "2027-01-12").with(operator()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(helplines.get(helpline.id()).closures()).isEmpty();

		assertThat(mvc.post().uri(path).param("firstDay", "2027-01-12").param("reason", "Teamdag")
			.with(operator()).with(csrf())).hasStatus(HttpStatus.FOUND);

		assertThat(helplines.get(helpline.id()).closures()).singleElement()
			.satisfies(c -> assertThat(c.value().lastDay()).isEqualTo(LocalDate.of(2027, 1, 12)));
		AuditEntry entry = audit.latest("helpline", 1).getFirst();
		assertThat(entry.action()).isEqualTo("add-closure");
		assertThat(entry.actor()).isEqualTo("operator");
		assertThat(entry.after()).contains("Teamdag");
	}

	@Test
	void aRefusedClosureIsShownNextToItsFieldAndNothingIsStored() {
		MvcTestResult refused = mvc.post().uri("/operator/helplines/" + helpline.id() + "/closures")
			.param("firstDay", "2027-01-12").param("lastDay", "2027-01-10")
			.with(operator()).with(csrf()).exchange();

		assertThat(refused).hasStatus(HttpStatus.FOUND);
		FormProblems problems = (FormProblems) refused.getMvcResult().getFlashMap().get("problems");
		assertThat(problems.form()).isEqualTo("closure");
		assertThat(problems.problems()).isNotEmpty();
		assertThat(helplines.get(helpline.id()).closures()).isEmpty();

		assertThat(mvc.get().uri("/operator/helplines/" + helpline.id() + "?lang=en").with(operator())
			.flashAttr("problems", problems)).hasStatusOk()
			.bodyText()
			.contains("id=\"closure-problems\"", problems.problems().getFirst().message());
	}

	@Test
	void routingRulesOutOfRangeAreRefusedNamingTheFieldAndGoodOnesAreAudited() {
		String path = "/operator/helplines/" + helpline.id() + "/routing";
		MvcTestResult refused = mvc.post().uri(path).param("strategy", "ROUND_ROBIN").param("wrapUpSeconds", "5000")
			.with(operator()).with(csrf()).exchange();
		FormProblems problems = (FormProblems) refused.getMvcResult().getFlashMap().get("problems");
		assertThat(problems.of("routing", "wrapUpSeconds")).isNotEmpty();
		assertThat(routing.rules(helpline.id()).wrapUpSeconds()).isEqualTo(60);

		mvc.post().uri(path).param("strategy", "ROUND_ROBIN").param("wrapUpSeconds", "120")
			.param("wideningToLevel2", "30").with(operator()).with(csrf()).exchange();

		assertThat(routing.rules(helpline.id()).wrapUpSeconds()).isEqualTo(120);
		assertThat(routing.rules(helpline.id()).wideningSeconds()).containsExactly(30);
		assertThat(audit.latest("routing", 1).getFirst().action()).isEqualTo("update");
	}

	@Test
	void theWaitForASignInIsSetOnTheHelplinePage() {
		String path = "/operator/helplines/" + helpline.id() + "/routing";

		mvc.post().uri(path).param("strategy", "LONGEST_IDLE").param("waitForSignInSeconds", "45")
			.with(operator()).with(csrf()).exchange();

		assertThat(routing.rules(helpline.id()).waitForSignInSeconds()).isEqualTo(45);
		assertThat(mvc.get().uri("/operator/helplines/" + helpline.id()).with(operator())).hasStatusOk()
			.bodyText()
			.contains("name=\"waitForSignInSeconds\"", "value=\"45\"");
	}

	@Test
	void anAccountWithoutACounsellorIsToldItIsNotLinked() {
		assertThat(mvc.get().uri("/counsellor").with(user(PageUsers.UNLINKED).roles("COUNSELLOR"))).hasStatusOk()
			.bodyText()
			.contains("id=\"not-linked\"")
			.doesNotContain("id=\"sign-in\"");
	}

	@Test
	void theCurrentCallShowsTheGroupTheWaitAndTheTagAndTheEndedCallCanBeWrappedUp() {
		jdbc.sql("update counsellor set state = 'ON_CALL' where id = ?").param(anna).update();
		calls.answered(anna, new CurrentCall(new CallerGroup("SELF"), Language.DUTCH, Duration.ofSeconds(40), "3e keer dit jaar",
				Instant.parse("2027-01-05T09:00:00Z")));

		assertThat(mvc.get().uri("/counsellor").with(counsellor())).hasStatusOk()
			.bodyText()
			.contains("Eigen gevoelens of gedrag", "40 s", "3e keer dit jaar")
			.doesNotContain("id=\"wrap-up-form\"");

		long contact = records.register(new RegisteredContact(helpline.id(), "email", LocalDate.of(2027, 1, 5), "SELF",
				"nl", null, List.of(), null, null), null).id();
		calls.ended(anna, contact);
		assertThat(mvc.get().uri("/counsellor").with(counsellor())).bodyText().contains("id=\"wrap-up-form\"");

		mvc.post().uri("/counsellor/wrap-up").param("contactId", Long.toString(contact))
			.param("topics", "DOWNLOADING", "OTHER").param("returningCaller", "yes")
			.with(counsellor()).with(csrf()).exchange();

		assertThat(records.get(contact).topics()).containsExactlyInAnyOrder("DOWNLOADING", "OTHER");
		assertThat(records.get(contact).returningCaller()).isTrue();
	}

	@Test
	void aCounsellorCannotWrapUpAContactThatIsNotTheirLastCall() {
		long other = records.register(new RegisteredContact(helpline.id(), "chat", LocalDate.of(2027, 1, 5), null,
				null, null, List.of(), null, null), null).id();

		mvc.post().uri("/counsellor/wrap-up").param("contactId", Long.toString(other)).param("topics", "OTHER")
			.with(counsellor()).with(csrf()).exchange();

		assertThat(records.get(other).topics()).isEmpty();
	}

	@Test
	void aRegisteredChatWithABadDateIsRefusedNamingTheDate() {
		MvcTestResult refused = mvc.post().uri("/counsellor/contacts").param("helplineId", Long.toString(helpline.id()))
			.param("channel", "chat").param("date", "2099-01-01")
			.with(counsellor()).with(csrf()).exchange();

		FormProblems problems = (FormProblems) refused.getMvcResult().getFlashMap().get("problems");
		assertThat(problems.of("register", "date"))
			.extracting(FieldProblem::message).singleElement().asString().contains("future");
	}

	@Test
	void theCsvIsAnAttachmentStartingWithTheReportHeader() {
		MvcTestResult csv = mvc.get().uri("/analyst/reports/2027-Q1.csv").with(user("a").roles("ANALYST")).exchange();

		assertThat(csv).hasStatusOk();
		assertThat(csv.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"report-2027-Q1-published.csv\"");
		assertThat(csv).bodyText().startsWith("period,helpline,measure,code,value,previous,change_percent");
		assertThat(mvc.get().uri("/analyst/reports/2027-Q5.csv").with(user("a").roles("ANALYST")))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theAnalystPageHasAWeekOfHoursAsAHeatMap() {
		assertThat(mvc.get().uri("/analyst?period=2027&helpline=" + helpline.id()).with(user("a").roles("ANALYST")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"heat-map\"")
			.satisfies(html -> assertThat(html.split("title=\"").length - 1).isEqualTo(7 * 24));
	}

	@Test
	void aCounsellorCreatedThroughThePageIsAuditedAndABadLevelIsNamed() {
		MvcTestResult refused = mvc.post().uri("/operator/counsellors").param("displayName", "Bram")
			.param("endpoint", "page-phone-2").param("callerGroups", "self=x").with(operator()).with(csrf()).exchange();
		FormProblems problems = (FormProblems) refused.getMvcResult().getFlashMap().get("problems");
		assertThat(problems.of("counsellor", "callerGroups")).isNotEmpty();

		mvc.post().uri("/operator/counsellors").param("displayName", "Bram").param("endpoint", "page-phone-2")
			.param("callerGroups", "self=1, professional=2").with(operator()).with(csrf()).exchange();

		assertThat(counsellors.all()).anySatisfy(c -> {
			assertThat(c.displayName()).isEqualTo("Bram");
			assertThat(c.callerGroups()).containsEntry("PROFESSIONAL", 2);
		});
		assertThat(audit.latest("counsellor", 1).getFirst().action()).isEqualTo("create");
	}

	@Test
	void aCounsellorOnACallIsNotRemovedAndThePageSaysWhyInItsLanguage() {
		jdbc.sql("update counsellor set state = 'ON_CALL' where id = ?").param(anna).update();

		MvcTestResult refused = mvc.post().uri("/operator/counsellors/" + anna + "/delete")
			.with(operator()).with(csrf()).exchange();

		FormProblems problems = (FormProblems) refused.getMvcResult().getFlashMap().get("problems");
		assertThat(counsellors.get(anna).displayName()).isEqualTo("Anna");
		assertThat(mvc.get().uri("/operator/counsellors/" + anna).with(operator()).flashAttr("problems", problems))
			.hasStatusOk()
			.bodyText()
			.contains("Anna wordt nu gebeld of is in gesprek; verwijder deze hulpverlener na het gesprek");
	}

	@Test
	void theBoardListsEveryHelplineWithTodaysFigures() {
		assertThat(mvc.get().uri("/operator/board").with(operator())).hasStatusOk()
			.bodyText()
			.contains("data-helpline=\"" + helpline.id() + "\"", "Stop it Now", "Anna");
	}

	private static RequestPostProcessor operator() {
		return user("operator").roles("OPERATOR", "ADMIN");
	}

	private static RequestPostProcessor counsellor() {
		return user(PageUsers.COUNSELLOR).roles("COUNSELLOR");
	}

}
