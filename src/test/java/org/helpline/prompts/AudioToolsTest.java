package org.helpline.prompts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** espeak-ng and sox as the service runs them, checked with the JDK's own WAV reader. */
class AudioToolsTest {

	@TempDir
	Path folder;

	@Test
	void aSpokenTextIsAnEightKilohertzMonoWav() throws IOException {
		Path wav = folder.resolve("welcome.wav");

		tools(Duration.ofSeconds(20), "espeak-ng").speak("nl", "Welkom bij de anonieme hulplijn.", wav);

		assertThat(TestAudio.isTelephoneWav(Files.readAllBytes(wav))).isTrue();
		assertThat(TestAudio.formatOf(Files.readAllBytes(wav)).getFrameLength()).as("about a second of speech")
			.isGreaterThan(8000);
	}

	@Test
	void aTextThatLooksLikeAnOptionIsSpokenNotObeyed() throws IOException {
		Path wav = folder.resolve("dash.wav");

		tools(Duration.ofSeconds(20), "espeak-ng").speak("en", "--help -w /tmp/x.wav", wav);

		assertThat(TestAudio.isTelephoneWav(Files.readAllBytes(wav))).isTrue();
	}

	@Test
	void aCdStereoRecordingIsConvertedForTheTelephone() throws Exception {
		Path recording = Files.write(folder.resolve("recording.wav"), TestAudio.cdStereoWav(1.5));
		Path wav = folder.resolve("converted.wav");
		AudioTools tools = tools(Duration.ofSeconds(20), "espeak-ng");

		tools.convert(recording, AudioFormat.WAV, wav);

		assertThat(AudioTools.length(wav)).isEqualTo(Duration.ofMillis(1500));
		byte[] converted = Files.readAllBytes(wav);
		assertThat(TestAudio.isTelephoneWav(converted)).isTrue();
		assertThat(TestAudio.formatOf(converted).getFrameLength()).isEqualTo(12_000);
	}

	@Test
	void aTextFileIsRefusedWithWhatSoxSaid() throws IOException {
		Path text = Files.writeString(folder.resolve("notes.txt"), "this is not a recording");
		Path noExtension = Files.writeString(folder.resolve("notes"), "this is not a recording");
		AudioTools tools = tools(Duration.ofSeconds(20), "espeak-ng");

		assertThatThrownBy(() -> tools.convert(text, AudioFormat.WAV, folder.resolve("y.wav")))
			.isInstanceOf(AudioTools.Refused.class)
			.hasMessageContaining("sox exited with");
		assertThatThrownBy(() -> tools.convert(noExtension, AudioFormat.FLAC, folder.resolve("x.wav")))
			.isInstanceOf(AudioTools.Refused.class);
	}

	@Test
	void theToolsSeeNoneOfTheServicesEnvironment() throws Exception {
		Path seen = folder.resolve("environment.txt");
		Path sox = Files.writeString(folder.resolve("sox"), "#!/bin/sh\nenv > " + seen + "\n");
		sox.toFile().setExecutable(true);
		Path recording = Files.write(folder.resolve("recording.wav"), TestAudio.cdStereoWav(1));

		new AudioTools(properties(Duration.ofSeconds(20), "espeak-ng", sox.toString())).convert(recording,
				AudioFormat.WAV, folder.resolve("x.wav"));

		assertThat(System.getenv()).containsKey("HOME");
		assertThat(Files.readAllLines(seen)).extracting(line -> line.substring(0, line.indexOf('=')))
			.contains("PATH")
			.isSubsetOf("PATH", "LANG", "PWD", "SHLVL", "OLDPWD", "_");
	}

	@Test
	void aMissingToolIsTheServersFaultAndSaysWhich() {
		assertThatThrownBy(() -> tools(Duration.ofSeconds(20), "no-such-espeak").speak("en", "Hello",
				folder.resolve("x.wav")))
			.isInstanceOf(AudioFailedException.class)
			.hasMessageContaining("no-such-espeak");
	}

	@Test
	void aToolThatTakesTooLongIsStopped() {
		assertThatThrownBy(() -> tools(Duration.ofMillis(1), "espeak-ng").speak("en", "Hello there, how are you",
				folder.resolve("x.wav")))
			.isInstanceOf(AudioFailedException.class)
			.hasMessageContaining("took longer than");
	}

	private AudioTools tools(Duration timeout, String espeak) {
		return new AudioTools(properties(timeout, espeak, "sox"));
	}

	private PromptProperties properties(Duration timeout, String espeak, String sox) {
		return new PromptProperties(folder, "helpline-live", espeak, sox, timeout, DataSize.ofMegabytes(5),
				Duration.ofSeconds(60), Duration.ofSeconds(30));
	}

}
