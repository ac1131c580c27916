package org.helpline.telephony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of Asterisk's manager interface, at the protocol level, to test what the service
 * does while Asterisk boots: logins are taken at once (as Asterisk does), the phone's
 * {@code DEVICE_STATE} is what the test set for "booting" until {@link #boot()}, and then what
 * it set for "booted".
 * One client at a time; every action not known here gets an error response.
 */
final class FakeAmi implements AutoCloseable {

	private final ServerSocket server;

	private final Thread acceptor;

	private final String endpoint;

	private final String stateWhileBooting;

	private final String stateWhenBooted;

	private final AtomicInteger logins = new AtomicInteger();

	private final AtomicInteger endpointListsAfterBoot = new AtomicInteger();

	private volatile boolean booted;

	private volatile Writer client;

	private volatile Socket current;

	FakeAmi(String endpoint, String stateWhileBooting, String stateWhenBooted) {
		this.endpoint = endpoint;
		this.stateWhileBooting = stateWhileBooting;
		this.stateWhenBooted = stateWhenBooted;
		try {
			server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		acceptor = Thread.ofVirtual().name("fake-ami").start(this::serve);
	}

	int port() {
		return server.getLocalPort();
	}

	int logins() {
		return logins.get();
	}

	int endpointListsAfterBoot() {
		return endpointListsAfterBoot.get();
	}

	/** Asterisk has loaded everything: it says so to the session, as Asterisk does. */
	synchronized void boot() throws IOException {
		booted = true;
		if (client != null) {
			send(client, "Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n");
		}
	}

	/** The link breaks (as when Asterisk restarts); the client logs in again to a booted Asterisk. */
	void dropConnection() throws IOException {
		Socket open = current;
		if (open != null) {
			open.close();
		}
	}

	private void serve() {
		while (!server.isClosed()) {
			try (Socket socket = server.accept()) {
				current = socket;
				converse(socket);
			}
			catch (IOException ex) {
				// The client left or the fake was closed; wait for the next one.
			}
		}
	}

	private void converse(Socket socket) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
		send(out, "Asterisk Call Manager/9.0.0\r\n");
		Map<String, String> action;
		while ((action = read(in)) != null) {
			answer(out, action);
		}
	}

	private synchronized void answer(Writer out, Map<String, String> action) throws IOException {
		String id = action.getOrDefault("actionid", "");
		switch (action.getOrDefault("action", "").toLowerCase(Locale.ROOT)) {
			case "challenge" -> send(out, response(id, "Success", "Challenge: 123456789\r\n"));
			case "login" -> {
				send(out, response(id, "Success", "Message: Authentication accepted\r\n"));
				logins.incrementAndGet();
				client = out;
				if (booted) {
					send(out, "Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n");
				}
			}
			case "coresettings" -> send(out, response(id, "Success", "AMIversion: 9.0.0\r\nAsteriskVersion: 22.5.0\r\n"));
			case "ping" -> send(out, response(id, "Success", "Ping: Pong\r\n"));
			case "getvar" -> deviceState(out, id, action.getOrDefault("variable", ""));
			default -> send(out, response(id, "Error", "Message: Invalid/unknown command\r\n"));
		}
	}

	/** {@code Getvar DEVICE_STATE(PJSIP/<endpoint>)}, the way the service re-reads a phone. */
	private void deviceState(Writer out, String id, String variable) throws IOException {
		if (!variable.equals("DEVICE_STATE(PJSIP/" + endpoint + ")")) {
			send(out, response(id, "Success", "Variable: " + variable + "\r\nValue: INVALID\r\n"));
			return;
		}
		String state = booted ? stateWhenBooted : stateWhileBooting;
		send(out, response(id, "Success", "Variable: " + variable + "\r\nValue: " + state + "\r\n"));
		if (booted) {
			endpointListsAfterBoot.incrementAndGet();
		}
	}

	private static String response(String actionId, String result, String fields) {
		return "Response: " + result + "\r\nActionID: " + actionId + "\r\n" + fields + "\r\n";
	}

	private static void send(Writer out, String text) throws IOException {
		out.write(text);
		out.flush();
	}

	/** One action: header lines up to an empty line, names in lower case; null at the end of the stream. */
	private static Map<String, String> read(BufferedReader in) throws IOException {
		Map<String, String> fields = new LinkedHashMap<>();
		String line;
		while ((line = in.readLine()) != null) {
			if (line.isEmpty()) {
				if (!fields.isEmpty()) {
					return fields;
				}
				continue;
			}
			int colon = line.indexOf(':');
			if (colon > 0) {
				fields.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
						line.substring(colon + 1).strip());
			}
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		server.close();
		Socket open = current;
		if (open != null) {
			open.close();
		}
		acceptor.interrupt();
	}

}
