package org.helpline.web.page;

import org.helpline.IntegrationTest;
import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.helpline.helplines.FieldProblem;
import org.helpline.prompts.AudioSource;
import org.helpline.prompts.PromptCatalogue.Source;
import org.helpline.prompts.PromptView;
import org.helpline.prompts.Prompts;
import org.helpline.prompts.PromptsTest;
import org.helpline.prompts.TestAudio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The prompt pages: texts and recordings changed, audited, listened to; only by operators. */
@AutoConfigureMockMvc
class PromptPageTest extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Prompts prompts;

	@Autowired
	AuditTrail audit;

	@BeforeEach
	void noOperatorPrompts(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder passwords) {
		PageUsers.ensure(accounts, passwords);
		PromptsTest.removeOperatorPrompts(jdbc, prompts);
		jdbc.sql("delete from audit_entry where subject = 'prompt'").update();
	}

	/** Other tests in this application context expect the built-in texts. */
	@AfterEach
	void builtInAgain() {
		PromptsTest.removeOperatorPrompts(jdbc, prompts);
	}

	@Test
	void aTextChangedOnThePageIsWhatCallersHearAndIsAuditedButNotWithoutTheCsrfToken() {
		String path = "/operator/prompts/nl/welcome/text";
		assertThat(mvc.post().uri(path).param("text", "Hallo.").with(operator())).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(mvc.post().uri(path).param("text", "Welkom, je belt anoniem.").with(operator()).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/operator/prompts/welcome#nl");

		PromptView welcome = prompts.get("nl", "welcome");
		assertThat(welcome.text()).isEqualTo("Welkom, je belt anoniem.");
		assertThat(welcome.source()).isEqualTo(Source.OPERATOR);
		assertThat(welcome.audioSource()).isEqualTo(AudioSource.GENERATED);
		AuditEntry entry = audit.latest("prompt", 1).getFirst();
		assertThat(entry.subjectId()).isEqualTo("nl/welcome");
		assertThat(entry.action()).isEqualTo("update-text");
		assertThat(entry.actor()).isEqualTo(PageUsers.OPERATOR);
		assertThat(entry.after()).contains("Welkom, je belt anoniem.");
	}

	@Test
	void anEmptyTextIsRefusedNamingTheFieldAndNothingChanges() {
		MvcTestResult refused = mvc.post().uri("/operator/prompts/nl/welcome/text").param("text", " ")
			.with(operator()).with(csrf()).exchange();

		FormProblems problems = (FormProblems) refused.getMvcResult().getFlashMap().get("problems");
		assertThat(problems.of("nl", "text")).extracting(FieldProblem::message).containsExactly("a text is required");
		assertThat(prompts.get("nl", "welcome").source()).isEqualTo(Source.BUILT_IN);
		assertThat(mvc.get().uri("/operator/prompts/welcome").with(operator()).flashAttr("problems", problems))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"nl-problems\"", "id=\"nl-text-problem\"");
		assertThat(audit.latest("prompt", 1)).isEmpty();
	}

	@Test
	void anUploadedWavBecomesTheRecordingAndBackToBuiltInUndoesIt() {
		MvcTestResult uploaded = mvc.post().uri("/operator/prompts/en/queue-hold/audio").with(operator()).with(csrf())
			.multipart()
			.file(new MockMultipartFile("file", "hold.wav", "audio/wav", TestAudio.cdStereoWav(1)))
			.exchange();

		assertThat(uploaded).hasStatus(HttpStatus.FOUND);
		assertThat(prompts.get("en", "queue-hold").audioSource()).isEqualTo(AudioSource.UPLOADED);
		assertThat(prompts.get("en", "queue-hold").text()).startsWith("All counsellors are busy");
		assertThat(audit.latest("prompt", 1).getFirst().action()).isEqualTo("upload-audio");

		assertThat(mvc.post().uri("/operator/prompts/en/queue-hold/delete").with(operator()).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/operator/prompts/queue-hold#en");
		assertThat(prompts.get("en", "queue-hold").source()).isEqualTo(Source.BUILT_IN);
		assertThat(audit.latest("prompt", 1).getFirst().action()).isEqualTo("delete");
	}

	@Test
	void theAudioRouteStreamsTheWavCallersHearToTheSignedInOperator() {
		MvcTestResult listened = mvc.get().uri("/operator/prompts/nl/closed-holiday/audio").with(operator())
			.exchange();

		assertThat(listened).hasStatusOk().hasContentType("audio/wav");
		assertThat(TestAudio.isTelephoneWav(listened.getResponse().getContentAsByteArray())).isTrue();
		assertThat(mvc.get().uri("/operator/prompts/closed-holiday").with(operator())).hasStatusOk()
			.bodyText()
			.contains("<audio controls", "src=\"/operator/prompts/nl/closed-holiday/audio?v=");
	}

	@Test
	void theListShowsChangedPromptsFirstAndFiltersByKeyOrText() throws Exception {
		prompts.setText("en", "queue-hold", "Please hold on.", "anna");

		String all = mvc.get().uri("/operator/prompts").with(operator()).exchange().getResponse()
			.getContentAsString();
		assertThat(all).contains("data-key=\"closed-holiday\"");
		assertThat(all.indexOf("data-key=\"queue-hold\"")).isLessThan(all.indexOf("data-key=\"alternatives\""));

		assertThat(mvc.get().uri("/operator/prompts").param("q", "HOLD ON").with(operator())).hasStatusOk()
			.bodyText()
			.contains("data-key=\"queue-hold\"")
			.doesNotContain("data-key=\"closed-holiday\"");
	}

	@Test
	void aNewKeyIsAddedInBothLanguagesOrNotAtAll() {
		MvcTestResult refused = mvc.post().uri("/operator/prompts").param("key", "info-test")
			.param("nl", "Kijk op de website.").param("en", "").with(operator()).with(csrf()).exchange();
		FormProblems problems = (FormProblems) refused.getMvcResult().getFlashMap().get("problems");
		assertThat(problems.of("newKey", "en")).extracting(FieldProblem::message).containsExactly("a text is required");
		assertThat(prompts.find("nl", "info-test")).isEmpty();

		assertThat(mvc.post().uri("/operator/prompts").param("key", "info-test").param("nl", "Kijk op de website.")
			.param("en", "See the website.").with(operator()).with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/operator/prompts/info-test");

		assertThat(prompts.get("nl", "info-test").text()).isEqualTo("Kijk op de website.");
		assertThat(prompts.get("en", "info-test").text()).isEqualTo("See the website.");
		assertThat(audit.latest("prompt", 5)).extracting(AuditEntry::subjectId)
			.containsExactlyInAnyOrder("nl/info-test", "en/info-test");
		MvcTestResult again = mvc.post().uri("/operator/prompts").param("key", "info-test").param("nl", "a")
			.param("en", "b").with(operator()).with(csrf()).exchange();
		assertThat(((FormProblems) again.getMvcResult().getFlashMap().get("problems")).of("newKey", "key"))
			.extracting(FieldProblem::message)
			.singleElement().asString().contains("already exists");
	}

	@Test
	void aCounsellorGetsNoPromptPageNorItsAudio() {
		RequestPostProcessor counsellor = user(PageUsers.COUNSELLOR).roles("COUNSELLOR");

		assertThat(mvc.get().uri("/operator/prompts").with(counsellor)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/operator/prompts/nl/welcome/audio").with(counsellor))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/operator/prompts/nl/welcome/text").param("text", "Hallo.").with(counsellor)
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(prompts.get("nl", "welcome").source()).isEqualTo(Source.BUILT_IN);
	}

	private static RequestPostProcessor operator() {
		return user(PageUsers.OPERATOR).roles("OPERATOR");
	}

}
