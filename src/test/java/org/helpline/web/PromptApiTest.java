package org.helpline.web;

import java.nio.file.Path;

import org.helpline.IntegrationTest;
import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.helpline.prompts.Prompts;
import org.helpline.prompts.PromptsTest;
import org.helpline.prompts.TestAudio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.web.ApiUsers.counsellor;
import static org.helpline.web.ApiUsers.operator;

/** The operators' prompt API over HTTP: texts, uploads, listening, audit and who may use it. */
@AutoConfigureMockMvc
@TestPropertySource(properties = PromptsTest.AUDIO_FOLDER)
class PromptApiTest extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditTrail audit;

	@BeforeEach
	void accountsAndNoOperatorPrompts(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder passwords,
			@Autowired Prompts prompts) {
		ApiUsers.ensure(accounts, passwords);
		PromptsTest.removeOperatorPrompts(jdbc, prompts);
		jdbc.sql("delete from audit_entry where subject = 'prompt'").update();
	}

	@Test
	void anOperatorChangesATextAndTheChangeIsAudited() {
		assertThat(put("/api/prompts/nl/welcome", operator(), "{\"text\": \"Welkom, je belt anoniem.\"}"))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.source", v -> v.assertThat().isEqualTo("OPERATOR"))
			.hasPathSatisfying("$.audio", v -> v.assertThat().isEqualTo("PRESENT"))
			.hasPathSatisfying("$.audioSource", v -> v.assertThat().isEqualTo("GENERATED"))
			.hasPathSatisfying("$.updatedBy", v -> v.assertThat().isEqualTo("operator"))
			.hasPathSatisfying("$.plays", v -> v.assertThat().asString().matches("helpline-live/nl/welcome-[0-9a-f]{8}"));

		assertThat(mvc.get().uri("/api/prompts/nl/welcome").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.text", v -> v.assertThat().isEqualTo("Welkom, je belt anoniem."));
		AuditEntry entry = audit.latest("prompt", 10).getFirst();
		assertThat(entry.subjectId()).isEqualTo("nl/welcome");
		assertThat(entry.action()).isEqualTo("update-text");
		assertThat(entry.actor()).isEqualTo("operator");
		assertThat(entry.before()).contains("\"source\":\"BUILT_IN\"");
		assertThat(entry.after()).contains("Welkom, je belt anoniem.");
	}

	@Test
	void theListShowsEveryKeyWithWhereEachLanguageComesFrom() {
		put("/api/prompts/en/info-website", operator(), "{\"text\": \"See our website.\"}");

		MvcTestResult list = mvc.get().uri("/api/prompts").with(operator()).exchange();

		assertThat(list).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$[?(@.key == 'info-website')].languages.en.source",
					v -> v.assertThat().asArray().containsExactly("OPERATOR"))
			.hasPathSatisfying("$[?(@.key == 'info-website')].languages.nl", v -> v.assertThat().asArray().isEmpty())
			.hasPathSatisfying("$[?(@.key == 'closed-holiday')].languages.nl.source",
					v -> v.assertThat().asArray().containsExactly("BUILT_IN"))
			.hasPathSatisfying("$[?(@.key == 'closed-holiday')].languages.nl.plays",
					v -> v.assertThat().asArray().containsExactly("helpline/nl/closed-holiday"));
	}

	@Test
	void anUploadedRecordingIsConvertedAndCanBeListenedTo() {
		MvcTestResult uploaded = upload("/api/prompts/en/queue-hold/audio", "hold.wav", TestAudio.cdStereoWav(1));

		assertThat(uploaded).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.audioSource", v -> v.assertThat().isEqualTo("UPLOADED"))
			.hasPathSatisfying("$.text", v -> v.assertThat().asString().startsWith("All counsellors are busy"));
		MvcTestResult listened = mvc.get().uri("/api/prompts/en/queue-hold/audio").with(operator()).exchange();
		assertThat(listened).hasStatusOk().hasContentType("audio/wav");
		assertThat(TestAudio.isTelephoneWav(listened.getResponse().getContentAsByteArray())).isTrue();
		assertThat(audit.latest("prompt", 1).getFirst().action()).isEqualTo("upload-audio");
	}

	@Test
	void aBuiltInPromptCanBeListenedToAsCallersHearIt() {
		MvcTestResult listened = mvc.get().uri("/api/prompts/nl/closed-holiday/audio").with(operator()).exchange();

		assertThat(listened).hasStatusOk().hasContentType("audio/wav");
		assertThat(TestAudio.isTelephoneWav(listened.getResponse().getContentAsByteArray())).isTrue();
	}

	@Test
	void aTextFileIsRefusedNamingTheFile() {
		assertThat(upload("/api/prompts/en/queue-hold/audio", "notes.txt", "not a recording".getBytes()))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("file"))
			.hasPathSatisfying("$.errors[0].message", v -> v.assertThat().isEqualTo("not a recording: upload WAV, FLAC, Ogg, AIFF or AU audio"));
		assertThat(mvc.post().uri("/api/prompts/en/queue-hold/audio").with(operator()).multipart()
			.param("text", "Hold on.")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("file"));
		assertThat(audit.latest("prompt", 10)).isEmpty();
	}

	/**
	 * sox reads m3u and pls files as playlists and fetches their http entries through a shell,
	 * so a "recording" could run any command as the service's user.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "list.m3u", "list.pls", "hold.wav", "hold" })
	void aPlaylistIsRefusedAndRunsNothing(String fileName, @TempDir Path folder) throws InterruptedException {
		Path marker = folder.resolve("marker");
		String entry = "http://127.0.0.1:9/$(touch " + marker + ").wav";
		String playlist = fileName.endsWith(".pls") ? "[playlist]\nFile1=" + entry + "\nNumberOfEntries=1\n"
				: "#EXTM3U\n" + entry + "\n";

		assertThat(upload("/api/prompts/en/queue-hold/audio", fileName, playlist.getBytes()))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("file"));
		Thread.sleep(500);
		assertThat(marker).as("a command in the playlist ran").doesNotExist();
	}

	@Test
	void aRecordingIsKnownByItsContentNotItsName() {
		assertThat(upload("/api/prompts/en/queue-hold/audio", "opname.txt", TestAudio.cdStereoWav(1)))
			.hasStatus(HttpStatus.OK);
	}

	@Test
	void badLanguageKeyAndTextAreRefusedNamingEachField() {
		assertThat(put("/api/prompts/de/Welcome_1", operator(), "{\"text\": \"\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field", v -> v.assertThat().asArray().containsExactly("language", "key", "text"));
		assertThat(put("/api/prompts/en/welcome", operator(), "null")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void deletingAnOverrideBringsTheBuiltInPromptBack() {
		put("/api/prompts/en/welcome", operator(), "{\"text\": \"Hello.\"}");

		assertThat(mvc.delete().uri("/api/prompts/en/welcome").with(operator())).hasStatus(HttpStatus.NO_CONTENT);

		assertThat(mvc.get().uri("/api/prompts/en/welcome").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.source", v -> v.assertThat().isEqualTo("BUILT_IN"))
			.hasPathSatisfying("$.plays", v -> v.assertThat().isEqualTo("helpline/en/welcome"));
		assertThat(audit.latest("prompt", 1).getFirst().action()).isEqualTo("delete");
		assertThat(mvc.delete().uri("/api/prompts/en/welcome").with(operator())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aNewKeyIsGoneAfterDeleteAndAnUnknownOneIsNotFound() {
		put("/api/prompts/nl/info-website", operator(), "{\"text\": \"Kijk op de website.\"}");
		assertThat(mvc.delete().uri("/api/prompts/nl/info-website").with(operator())).hasStatus(HttpStatus.NO_CONTENT);

		assertThat(mvc.get().uri("/api/prompts/nl/info-website").with(operator())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/api/prompts/nl/info-website/regenerate").with(operator()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void regeneratingSpeaksTheCurrentTextAgain() {
		upload("/api/prompts/en/overflow/audio", "busy.wav", TestAudio.cdStereoWav(1));

		assertThat(mvc.post().uri("/api/prompts/en/overflow/regenerate").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.audioSource", v -> v.assertThat().isEqualTo("GENERATED"))
			.hasPathSatisfying("$.text", v -> v.assertThat().asString().startsWith("It is very busy"));
		assertThat(audit.latest("prompt", 1).getFirst().action()).isEqualTo("regenerate-audio");
	}

	@Test
	void onlyOperatorsManagePrompts() {
		assertThat(mvc.get().uri("/api/prompts").with(counsellor())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(put("/api/prompts/en/welcome", counsellor(), "{\"text\": \"Hi.\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/prompts/en/welcome/audio")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/prompts/en/welcome").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.source", v -> v.assertThat().isEqualTo("BUILT_IN"));
	}

	@Test
	void healthWarnsAboutAPromptWhoseFileIsGone() throws Exception {
		MvcTestResult changed = put("/api/prompts/en/alternatives", operator(), "{\"text\": \"Visit our website.\"}");
		String plays = com.jayway.jsonpath.JsonPath.read(changed.getResponse().getContentAsString(), "$.plays");
		java.nio.file.Files.delete(java.nio.file.Path.of("target/test-prompts/en",
				plays.substring(plays.lastIndexOf('/') + 1) + ".wav"));

		assertThat(mvc.get().uri("/actuator/health/prompts").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("WARNING"))
			.hasPathSatisfying("$.details.missing[0]", v -> v.assertThat().asString().startsWith("en/alternatives"));
		assertThat(mvc.get().uri("/api/prompts/en/alternatives").with(operator())).bodyJson()
			.hasPathSatisfying("$.audio", v -> v.assertThat().isEqualTo("MISSING"))
			.hasPathSatisfying("$.plays", v -> v.assertThat().isEqualTo("helpline/en/alternatives"));
	}

	private MvcTestResult put(String uri, RequestPostProcessor user, String json) {
		return mvc.put().uri(uri).with(user).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private MvcTestResult upload(String uri, String fileName, byte[] content) {
		return mvc.post().uri(uri).with(operator()).multipart()
			.file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
			.exchange();
	}

}
