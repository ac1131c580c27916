package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One SIPp process playing a caller or a counsellor's phone from a scenario in
 * {@code src/test/resources/sipp}. Closing it kills the process (by pid) if it still runs.
 */
final class Sipp implements AutoCloseable {

	private static final Path SCENARIOS = Path.of("src/test/resources/sipp").toAbsolutePath();

	private final Process process;

	private final Path messages;

	private final Path output;

	private Sipp(Process process, Path messages, Path output) {
		this.process = process;
		this.messages = messages;
		this.output = output;
	}

	/** A caller dialling {@code dialled} from {@code callerNumber}; RTP is offered on {@code mediaPort}. */
	static Sipp caller(String scenario, String dialled, String callerNumber, int mediaPort, String... extra) {
		List<String> extras = List.of(extra);
		String port = extras.contains("-p") ? extras.get(extras.indexOf("-p") + 1) : "5070";
		List<String> arguments = new ArrayList<>(List.of("-s", dialled, "-p", port, "-set", "caller", callerNumber,
				"-set", "mport", Integer.toString(mediaPort)));
		for (int i = 0; i < extras.size(); i++) {
			if (extras.get(i).equals("-p")) {
				i++;
			}
			else {
				arguments.add(extras.get(i));
			}
		}
		arguments.add("127.0.0.1:5060");
		return start(scenario, arguments);
	}

	/** A counsellor's own phone dialling a feature code, authenticating as {@code user}. */
	static Sipp counsellorDials(String code, String user, String password) {
		return start("counsellor-dials.xml", List.of("-s", code, "-p", "5091", "-set", "user", user, "-au", user, "-ap",
				password, "-set", "mport", "40100", "127.0.0.1:5060"));
	}

	/** A counsellor's phone listening on {@code port} (counsellor-N is on 508N). */
	static Sipp phone(String scenario, int port, String... extra) {
		List<String> arguments = new ArrayList<>(List.of("-p", Integer.toString(port)));
		arguments.addAll(List.of(extra));
		return start(scenario, arguments);
	}

	private static Sipp start(String scenario, List<String> arguments) {
		try {
			Path work = Files.createDirectories(Path.of("target/sipp").toAbsolutePath());
			String name = scenario.replace(".xml", "") + "-" + System.nanoTime();
			Path messages = work.resolve(name + "-messages.log");
			Path output = work.resolve(name + "-output.log");
			List<String> command = new ArrayList<>(List.of("sipp", "-sf", SCENARIOS.resolve(scenario).toString(), "-i",
					"127.0.0.1", "-m", arguments.contains("-m") ? arguments.get(arguments.indexOf("-m") + 1) : "1",
					"-nostdin", "-timeout", "90s", "-timeout_error", "-trace_msg",
					"-message_file", messages.toString(), "-trace_err", "-error_file",
					work.resolve(name + "-errors.log").toString()));
			for (int i = 0; i < arguments.size(); i++) {
				if (arguments.get(i).equals("-m")) {
					i++;
				}
				else {
					command.add(arguments.get(i));
				}
			}
			Process process = new ProcessBuilder(command).directory(work.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			return new Sipp(process, messages, output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start SIPp (apt-get install sip-tester)", ex);
		}
	}

	/** Waits for the scenario to end; its exit code (0: every step happened), or -1 on time-out. */
	int exitCode(Duration timeout) {
		try {
			if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return process.exitValue();
			}
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** Every SIP message SIPp sent and received, as text. */
	String messages() {
		return read(messages);
	}

	/** What SIPp printed, for failure messages. */
	String output() {
		return read(output);
	}

	@Override
	public void close() {
		process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
