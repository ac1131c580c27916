package org.helpline.prompts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.helpline.IntegrationTest;
import org.helpline.helplines.ChangeRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Operators' prompts against the real database, espeak-ng, sox and a folder below target/:
 * what the next call hears after each change, and what it hears when a file goes missing.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = PromptsTest.AUDIO_FOLDER)
public class PromptsTest extends IntegrationTest {

	/** Shared with the API test, so both run in one application context. */
	public static final String AUDIO_FOLDER = "helpline.prompts.audio-folder=target/test-prompts";

	@Autowired
	Prompts prompts;

	@Autowired
	PromptCatalogue catalogue;

	@Autowired
	PromptAudio audio;

	@Autowired
	PromptsHealthIndicator health;

	@Autowired
	AudioFolder folder;

	@BeforeEach
	void noOperatorPrompts() {
		removeOperatorPrompts(jdbc, prompts);
	}

	/** Through the service, so their files and what is in memory go too. */
	public static void removeOperatorPrompts(JdbcClient jdbc, Prompts prompts) {
		jdbc.sql("select language, prompt_key from operator_prompt")
			.query((rs, n) -> new Prompt(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(p -> prompts.delete(p.language(), p.key()));
	}

	@Test
	void theNextCallHearsTheOperatorsTextAndAfterDeleteTheBuiltInOneAgain() {
		Prompt welcome = new Prompt("nl", "welcome");
		String builtIn = catalogue.text(welcome).orElseThrow();

		prompts.setText("nl", "welcome", "Welkom. Je belt  anoniem.\n", "anna");

		assertThat(catalogue.text(welcome)).contains("Welkom. Je belt anoniem.");
		assertThat(audio.fileFor(welcome)).matches("helpline-live/nl/welcome-[0-9a-f]{8}");
		assertThat(catalogue.text(new Prompt("en", "welcome"))).get().asString().startsWith("Welcome to");

		prompts.delete("nl", "welcome");

		assertThat(catalogue.text(welcome)).contains(builtIn);
		assertThat(audio.fileFor(welcome)).isEqualTo("helpline/nl/welcome");
	}

	@Test
	void eachVersionHasAFileOfItsOwnAndThePreviousOneIsDeleted() throws IOException {
		clock.set(Instant.parse("2027-02-01T10:00:00Z"));
		PromptView first = prompts.setText("en", "overflow", "We are very busy.", "anna").after();
		Path firstFile = fileOf(first);
		assertThat(TestAudio.isTelephoneWav(Files.readAllBytes(firstFile))).isTrue();

		PromptView second = prompts.setText("en", "overflow", "We are very busy right now.", "bert").after();

		assertThat(second.plays()).isNotEqualTo(first.plays());
		assertThat(firstFile).doesNotExist();
		assertThat(fileOf(second)).isReadable();
		assertThat(second.updatedBy()).isEqualTo("bert");
		assertThat(second.updatedAt()).isEqualTo(Instant.parse("2027-02-01T10:00:00Z"));
		assertThat(second.audioSource()).isEqualTo(AudioSource.GENERATED);
	}

	@Test
	void anUploadKeepsTheTextAndIsConvertedForTheTelephone() throws IOException {
		prompts.setText("nl", "queue-hold", "Even geduld.", "anna");

		PromptView uploaded = prompts.upload("nl", "queue-hold", new ByteArrayInputStream(TestAudio.cdStereoWav(2)), null,
				"anna").after();

		assertThat(uploaded.text()).isEqualTo("Even geduld.");
		assertThat(uploaded.audioSource()).isEqualTo(AudioSource.UPLOADED);
		assertThat(TestAudio.isTelephoneWav(Files.readAllBytes(fileOf(uploaded)))).isTrue();

		PromptView regenerated = prompts.regenerate("nl", "queue-hold", "anna").after();
		assertThat(regenerated.audioSource()).isEqualTo(AudioSource.GENERATED);
		assertThat(regenerated.text()).isEqualTo("Even geduld.");
	}

	@Test
	void aTextFileIsNoRecordingAndChangesNothing() {
		prompts.setText("en", "queue-hold", "Please hold.", "anna");
		String before = audio.fileFor(new Prompt("en", "queue-hold"));

		assertThatThrownBy(() -> prompts.upload("en", "queue-hold",
				new ByteArrayInputStream("not a recording".getBytes()), null, "anna"))
			.isInstanceOfSatisfying(ChangeRefusedException.class,
					ex -> assertThat(ex.problems()).singleElement()
						.satisfies(p -> assertThat(p.field()).isEqualTo("file")));
		assertThat(audio.fileFor(new Prompt("en", "queue-hold"))).isEqualTo(before);
		assertThat(folder.root().resolve("en")).isDirectoryNotContaining("glob:**/.work-*");
	}

	@Test
	void aDeletedFileFallsBackToTheBuiltInPromptAndHealthWarnsWithTheKey() throws IOException {
		PromptView changed = prompts.setText("en", "alternatives", "Visit our website.", "anna").after();
		Files.delete(fileOf(changed));

		var result = health.health(true);

		assertThat(result.getStatus()).isEqualTo(new Status("WARNING"));
		assertThat(result.getDetails().get("missing").toString()).contains("en/alternatives");
		assertThat(audio.fileFor(new Prompt("en", "alternatives"))).isEqualTo("helpline/en/alternatives");
		assertThat(prompts.get("en", "alternatives").audio()).isEqualTo(PromptView.Audio.MISSING);
	}

	@Test
	void aNewKeyWithoutItsFileFallsBackToOneMomentPleaseNeverSilence() throws IOException {
		PromptView added = prompts.setText("nl", "info-website", "Kijk op onze website.", "anna").after();
		assertThat(added.builtIn()).isFalse();
		assertThat(audio.fileFor(new Prompt("nl", "info-website"))).startsWith("helpline-live/nl/info-website-");

		Files.delete(fileOf(added));
		health.health(false);

		assertThat(audio.fileFor(new Prompt("nl", "info-website"))).isEqualTo("helpline/nl/fallback-prompt");
		assertThat(audio.fileFor(new Prompt("en", "no-such-prompt"))).isEqualTo("helpline/en/fallback-prompt");
	}

	@Test
	void healthIsUpWhenEveryFileIsThere() {
		prompts.setText("en", "welcome", "Welcome.", "anna");

		assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void badKeysLanguagesAndTextsAreRefusedNamingEachField() {
		assertThatThrownBy(() -> prompts.setText("de", "Welcome!", " ", "anna"))
			.isInstanceOfSatisfying(ChangeRefusedException.class, ex -> assertThat(ex.problems())
				.extracting(p -> p.field())
				.containsExactly("language", "key", "text"));
		assertThatThrownBy(() -> prompts.setText("en", "welcome", "x".repeat(1001), "anna"))
			.isInstanceOf(ChangeRefusedException.class);
		assertThatThrownBy(() -> prompts.upload("en", "brand-new", new ByteArrayInputStream(TestAudio.cdStereoWav(1)),
				null, "anna"))
			.isInstanceOfSatisfying(ChangeRefusedException.class,
					ex -> assertThat(ex.problems().getFirst().field()).isEqualTo("text"));
	}

	@Test
	void aRecordingLongerThanAMinuteIsRefused() {
		assertThatThrownBy(() -> prompts.upload("en", "welcome",
				new ByteArrayInputStream(TestAudio.toneWav(61, 8000, 1)), null, "anna"))
			.isInstanceOfSatisfying(ChangeRefusedException.class,
					ex -> assertThat(ex.problems().getFirst().message()).contains("longer than 60 s"));
	}

	private Path fileOf(PromptView view) {
		String name = view.plays().substring(view.plays().lastIndexOf('/') + 1);
		return folder.root().resolve(view.language()).resolve(name + ".wav");
	}

}
