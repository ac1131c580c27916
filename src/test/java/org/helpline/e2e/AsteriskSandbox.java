package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Asterisk 22 from {@code ops/asterisk.sh}: started with the repository's
 * configuration and pointed at the test's FastAGI port; stopped (by pid, unmounted) after.
 */
final class AsteriskSandbox {

	private static final Path SCRIPT = Path.of("ops/asterisk.sh").toAbsolutePath();

	private AsteriskSandbox() {
	}

	static void start(int agiPort) {
		start("127.0.0.1:" + agiPort);
	}

	/** @param backends the service nodes' FastAGI host:port, comma-separated, in order of preference */
	static void start(String backends) {
		String output = run(List.of("start"), backends, 600);
		if (!output.contains("asterisk ready")) {
			throw new IllegalStateException("Asterisk did not start:\n" + output);
		}
	}

	static void stop() {
		run(List.of("stop"), null, 60);
	}

	static String cli(String command) {
		return run(List.of("cli", command), null, 30);
	}

	static Path root() {
		String configured = System.getenv("HELPLINE_ASTERISK_ROOT");
		return configured != null ? Path.of(configured)
				: Path.of(System.getProperty("user.home"), ".cache/helpline/asterisk-root");
	}

	/** Every file Asterisk may have written about calls: logs, spool, CDR/CEL, console. */
	static List<Path> filesAsteriskWrote() {
		List<Path> files = new ArrayList<>();
		for (Path folder : List.of(root().resolve("var/log/asterisk"), root().resolve("var/spool/asterisk"),
				root().resolve("var/lib/asterisk/astdb.sqlite3").getParent(), Path.of("target/asterisk"))) {
			if (Files.isDirectory(folder)) {
				try (Stream<Path> walk = Files.walk(folder)) {
					walk.filter(Files::isRegularFile).filter(f -> !isStaticAsset(f)).forEach(files::add);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return files;
	}

	private static boolean isStaticAsset(Path file) {
		String name = file.toString();
		return name.contains("/var/lib/asterisk/sounds") || name.contains("/var/lib/asterisk/moh")
				|| name.contains("/var/lib/asterisk/documentation") || name.contains("/var/lib/asterisk/keys")
				|| name.contains("/var/lib/asterisk/static-http") || name.contains("/var/lib/asterisk/rest-api")
				|| name.contains("/var/lib/asterisk/images") || name.contains("/var/lib/asterisk/phoneprov");
	}

	private static String run(List<String> arguments, String backend, int timeoutSeconds) {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
		command.addAll(arguments);
		try {
			Path log = Files.createTempFile("asterisk-sh", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			if (backend != null) {
				builder.environment().put("HELPLINE_BACKEND", backend);
			}
			Process process = builder.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("ops/asterisk.sh " + arguments + " took longer than " + timeoutSeconds
						+ " s:\n" + Files.readString(log));
			}
			String output = Files.readString(log, StandardCharsets.UTF_8);
			Files.delete(log);
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
