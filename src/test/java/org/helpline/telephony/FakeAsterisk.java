package org.helpline.telephony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays Asterisk's side of one FastAGI session over a real TCP connection: sends the
 * {@code agi_} environment the way Asterisk 22 does, then answers each command with the
 * reply Asterisk gives, until the script closes the connection. Only for tests.
 */
final class FakeAsterisk {

	private final int port;

	private String callerNumber = "0612345678";

	private String channelName = "PJSIP/anonymous-00000001";

	/** What our dialplan sends as the first AGI argument (helpline.agi.secret's local default). */
	private String secret = "local-dev-only";

	private int hangUpAfterCommands = Integer.MAX_VALUE;

	/** The dialplan's first-answer timer is armed for the requests (agi_arg_2). */
	private boolean armed;

	private final Map<String, String> channelVariables = new LinkedHashMap<>();

	private final java.util.Deque<String> keys = new java.util.ArrayDeque<>();

	private final java.util.Set<String> missingFiles = new java.util.HashSet<>();

	private static final AtomicInteger calls = new AtomicInteger();

	private String uniqueId = "1798102800." + calls.incrementAndGet();

	FakeAsterisk(int port) {
		this.port = port;
	}

	FakeAsterisk callerNumber(String number) {
		this.callerNumber = number;
		return this;
	}

	/** Plays a process that is not our Asterisk: another secret, or none (null). */
	FakeAsterisk secret(String secret) {
		this.secret = secret;
		return this;
	}

	/** The Asterisk channel the script runs on, e.g. a counsellor's phone: PJSIP/counsellor-1-0000002a. */
	FakeAsterisk channel(String name) {
		this.channelName = name;
		return this;
	}

	/**
	 * Sends "armed" as the second AGI argument, as the dialplan does for every request but
	 * {@code ended}: the script must disarm the first-answer timer.
	 */
	FakeAsterisk armed() {
		this.armed = true;
		return this;
	}

	/** The caller hangs up once this many commands have been answered. */
	FakeAsterisk hangUpAfter(int commands) {
		this.hangUpAfterCommands = commands;
		return this;
	}

	/** A channel variable Asterisk holds for this call, as GET VARIABLE reads it. */
	FakeAsterisk variable(String name, String value) {
		channelVariables.put(name, value);
		return this;
	}

	/**
	 * What the caller does each time the script listens for a key, in order: {@code "2"} presses
	 * 2 when the script waits for a key after a prompt; {@code "2!"} presses it during the next
	 * prompt that may be interrupted; {@code "-"} presses nothing (the wait times out). When the
	 * list runs out the caller presses nothing.
	 */
	FakeAsterisk presses(String... script) {
		keys.clear();
		keys.addAll(List.of(script));
		return this;
	}

	/** Sound files this Asterisk cannot open (STREAM FILE answers result=-1). */
	FakeAsterisk lacks(String... files) {
		missingFiles.addAll(List.of(files));
		return this;
	}

	/** The next call is a new channel. */
	FakeAsterisk newChannel() {
		uniqueId = "1798102800." + calls.incrementAndGet();
		channelVariables.clear();
		return this;
	}

	String uniqueId() {
		return uniqueId;
	}

	/** Places a new call to {@code dialled} through the dialplan's {@code incoming} script. */
	Session call(String dialled) {
		newChannel();
		return run("incoming?dialled=" + dialled + "&queued=", dialled);
	}

	/** Runs another script on the same channel, e.g. {@code queue?ring=NOANSWER}. */
	Session run(String scriptAndParameters, String dialled) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("agi_network", "yes");
		environment.put("agi_network_script", scriptAndParameters);
		environment.put("agi_request", "agi://127.0.0.1:" + port + "/" + scriptAndParameters);
		environment.put("agi_channel", channelName);
		environment.put("agi_language", "en");
		environment.put("agi_type", "PJSIP");
		environment.put("agi_uniqueid", uniqueId);
		environment.put("agi_version", "22.5.2");
		environment.put("agi_callerid", callerNumber);
		environment.put("agi_calleridname", "unknown");
		environment.put("agi_callingpres", "0");
		environment.put("agi_callingani2", "0");
		environment.put("agi_callington", "0");
		environment.put("agi_callingtns", "0");
		environment.put("agi_dnid", dialled);
		environment.put("agi_rdnis", "unknown");
		environment.put("agi_context", "from-callers");
		environment.put("agi_extension", dialled);
		environment.put("agi_priority", "2");
		environment.put("agi_enhanced", "0.0");
		environment.put("agi_accountcode", "");
		environment.put("agi_threadid", "139871234567");
		if (secret != null) {
			environment.put("agi_arg_1", secret);
		}
		if (armed) {
			environment.put("agi_arg_2", "armed");
		}
		StringBuilder request = new StringBuilder();
		environment.forEach((key, value) -> request.append(key).append(": ").append(value).append('\n'));
		request.append('\n');
		return converse(request.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Sends raw bytes as if they were a request, then plays along with whatever follows. */
	Session sendRaw(byte[] bytes) {
		return converse(bytes);
	}

	private Session converse(byte[] request) {
		List<String> commands = new ArrayList<>();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String command;
			while ((command = in.readLine()) != null) {
				commands.add(command);
				String reply = commands.size() > hangUpAfterCommands
						? "511 Command Not Permitted on a dead channel or intercept routine" : replyTo(command);
				channelVariables.putAll(Session.setBy(command));
				out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Session(commands);
	}

	private String replyTo(String command) {
		if (command.startsWith("GET VARIABLE ")) {
			String value = channelVariables.get(Session.arguments(command, "GET VARIABLE ").getFirst());
			return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
		}
		if (command.startsWith("STREAM FILE")) {
			List<String> arguments = Session.arguments(command, "STREAM FILE ");
			if (missingFiles.stream().anyMatch(missing -> arguments.getFirst().matches(missing))) {
				return "200 result=-1 endpos=0";
			}
			boolean interruptible = arguments.size() > 1 && !arguments.get(1).isEmpty();
			if (keys.peekFirst() != null && keys.peekFirst().endsWith("!")) {
				// Pressed during this prompt: it stops the prompt, or is lost if the prompt can't be stopped.
				String key = keys.pollFirst();
				if (interruptible) {
					return "200 result=" + (int) key.charAt(0) + " endpos=8000";
				}
			}
			return "200 result=0 endpos=16000";
		}
		if (command.startsWith("WAIT FOR DIGIT")) {
			String key = keys.pollFirst();
			return key == null || key.equals("-") ? "200 result=0" : "200 result=" + (int) key.charAt(0);
		}
		if (command.startsWith("SET VARIABLE") || command.startsWith("HANGUP")) {
			return "200 result=1";
		}
		return "200 result=0";
	}

	/** What the script asked of Asterisk during one call, in order. */
	record Session(List<String> commands) {

		/** How long the script listened for a key after each prompt, in milliseconds. */
		List<Integer> keyWaits() {
			return commands.stream()
				.filter(c -> c.startsWith("WAIT FOR DIGIT "))
				.map(c -> Integer.valueOf(arguments(c, "WAIT FOR DIGIT ").getFirst()))
				.toList();
		}

		List<String> streamedFiles() {
			return commands.stream()
				.filter(c -> c.startsWith("STREAM FILE "))
				.map(c -> arguments(c, "STREAM FILE ").getFirst())
				.toList();
		}

		/** Channel variables the script set, in the order it set them. */
		Map<String, String> variables() {
			Map<String, String> variables = new LinkedHashMap<>();
			commands.forEach(c -> variables.putAll(setBy(c)));
			return variables;
		}

		/** What one command sets: a SET VARIABLE, or an EXEC MSet of plain values (Asterisk's own splitting). */
		static Map<String, String> setBy(String command) {
			Map<String, String> set = new LinkedHashMap<>();
			if (command.startsWith("SET VARIABLE ")) {
				List<String> arguments = arguments(command, "SET VARIABLE ");
				set.put(arguments.get(0), arguments.get(1));
			}
			else if (command.startsWith("EXEC ") && arguments(command, "EXEC ").getFirst().equals("MSet")) {
				for (String pair : arguments(command, "EXEC ").get(1).split(",")) {
					set.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
				}
			}
			return set;
		}

		/** The HELPLINE_ACTION the dialplan acts on, or null when the script never set it. */
		String action() {
			return variables().get("HELPLINE_ACTION");
		}

		/** Splits a command's arguments the way Asterisk does: double quotes group words. */
		static List<String> arguments(String command, String verb) {
			List<String> arguments = new ArrayList<>();
			var matcher = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)")
				.matcher(command.substring(verb.length()));
			while (matcher.find()) {
				arguments.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
			}
			return arguments;
		}

	}

}
