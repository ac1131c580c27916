package org.helpline.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.springframework.stereotype.Component;

/**
 * espeak-ng and sox, run exactly as {@code ops/prompts.sh} runs them: the same voices and
 * speed, 8 kHz mono 16-bit signed PCM, normalised to -3 dB. Texts and file names are passed
 * as arguments, never through a shell.
 */
@Component
class AudioTools {

	private static final Map<String, String> VOICES = Map.of("nl", "nl", "en", "en-gb");

	private static final String SPEED = "145";

	private static final Map<String, String> TOOL_ENVIRONMENT = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LANG",
			"C.UTF-8");

	private static final List<String> TELEPHONE_WAV = List.of("-r", "8000", "-c", "1", "-b", "16", "-e",
			"signed-integer", "-t", "wav");

	private final PromptProperties properties;

	AudioTools(PromptProperties properties) {
		this.properties = properties;
	}

	/** Speaks a text into a telephone WAV; any failure is the server's. */
	void speak(String language, String text, Path wav) {
		List<String> espeak = List.of(properties.espeak(), "-v", VOICES.getOrDefault(language, language), "-s", SPEED,
				"--stdout", "--", text);
		List<String> sox = new ArrayList<>(List.of(properties.sox(), "-q", "-t", "wav", "-"));
		sox.addAll(TELEPHONE_WAV);
		sox.addAll(List.of(wav.toString(), "norm", "-3"));
		try {
			run(List.of(espeak, sox));
		}
		catch (Refused ex) {
			throw new AudioFailedException(ex.getMessage());
		}
	}

	/**
	 * The length of a telephone WAV this class made. Read in Java rather than by {@code sox --i},
	 * which has no way to be told the type and would guess it from the name or content.
	 */
	static Duration length(Path wav) throws Refused {
		try {
			AudioFileFormat file = AudioSystem.getAudioFileFormat(wav.toFile());
			return Duration.ofMillis(Math.round(file.getFrameLength() * 1000.0 / file.getFormat().getFrameRate()));
		}
		catch (UnsupportedAudioFileException | IOException ex) {
			throw new Refused("not a WAV file: " + ex.getMessage());
		}
	}

	/** Converts a recording of a known format into a telephone WAV. */
	void convert(Path audio, AudioFormat format, Path wav) throws Refused {
		List<String> sox = new ArrayList<>(List.of(properties.sox(), "-q", "-t", format.soxType(), audio.toString()));
		sox.addAll(TELEPHONE_WAV);
		sox.addAll(List.of(wav.toString(), "norm", "-3"));
		run(List.of(sox));
	}

	/**
	 * Runs commands as a pipeline and returns what the last one printed.
	 * @throws Refused when one of them exits with an error, naming it with what it said
	 * @throws AudioFailedException when one cannot start or the timeout passes
	 */
	private String run(List<List<String>> commands) throws Refused {
		List<ProcessBuilder> builders = commands.stream().map(AudioTools::withSmallestEnvironment).toList();
		List<Process> processes;
		try {
			processes = builders.size() == 1 ? List.of(builders.getFirst().start())
					: ProcessBuilder.startPipeline(builders);
		}
		catch (IOException ex) {
			throw new AudioFailedException("Cannot start " + String.join(" | ", names(commands)) + ": " + ex.getMessage());
		}
		try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
			processes.getFirst().getOutputStream().close();
			List<Future<String>> errors = processes.stream().map(p -> readers.submit(() -> read(p.getErrorStream())))
				.toList();
			Future<String> output = readers.submit(() -> read(processes.getLast().getInputStream()));
			long deadline = System.nanoTime() + properties.toolTimeout().toNanos();
			for (Process process : processes) {
				if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
					processes.forEach(Process::destroyForcibly);
					throw new AudioFailedException(String.join(" | ", names(commands)) + " took longer than "
							+ properties.toolTimeout().toSeconds() + " s");
				}
			}
			List<String> failures = new ArrayList<>();
			for (int i = 0; i < processes.size(); i++) {
				if (processes.get(i).exitValue() != 0) {
					failures.add(names(commands).get(i) + " exited with " + processes.get(i).exitValue() + ": "
							+ shortened(errors.get(i).get()));
				}
			}
			if (!failures.isEmpty()) {
				throw new Refused(String.join("; ", failures));
			}
			return output.get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			processes.forEach(Process::destroyForcibly);
			Thread.currentThread().interrupt();
			throw new AudioFailedException("Interrupted while making audio");
		}
		catch (ExecutionException ex) {
			throw new AudioFailedException("Cannot read from " + String.join(" | ", names(commands)) + ": " + ex.getCause());
		}
	}

	/**
	 * The tools get no variable of the service's environment (database password, AMI and AGI
	 * secrets, pseudonym keys given as variables): only a fixed search path and locale.
	 */
	private static ProcessBuilder withSmallestEnvironment(List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> environment = builder.environment();
		environment.clear();
		environment.putAll(TOOL_ENVIRONMENT);
		return builder;
	}

	private static List<String> names(List<List<String>> commands) {
		return commands.stream().map(List::getFirst).toList();
	}

	private static String read(InputStream stream) throws IOException {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String shortened(String said) {
		String line = said.strip().replaceAll("\\s+", " ");
		return line.length() <= 300 ? line : line.substring(0, 300) + "…";
	}

	/** A tool refused its input: it exited with an error. */
	static class Refused extends Exception {

		Refused(String message) {
			super(message);
		}

	}

}
