package org.helpline.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's manager account can do what the service needs and nothing that reaches past
 * it: the real Asterisk, with the shipped manager.conf, refuses it the actions an attacker with
 * its secret would want (placing a call into the dialplan, running CLI commands such as "agi
 * set debug on", reading the phones' secrets from the configuration).
 */
class AmiPrivilegeIT extends AsteriskTest {

	@Test
	void theServiceIsConnectedWithItsReducedRights() {
		assertThat(health("asteriskManager")).contains("\"status\":\"UP\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Action: Originate\r\nChannel: Local/s@from-callers\r\nApplication: System\r\nData: touch /tmp/x",
			"Action: Command\r\nCommand: agi set debug on" })
	void anActionBeyondTheServicesNeedsIsRefusedByAsterisk(String action) throws IOException {
		assertRefused(action);
	}

	/**
	 * Asterisk grants an action to a user holding any one of its classes; GetConfig is
	 * system|config, so the service's user holds neither (it re-reads phones with Getvar).
	 */
	@Test
	void readingTheConfigurationWithThePhonesSecretsIsRefused() throws IOException {
		assertRefused("Action: GetConfig\r\nFilename: pjsip.conf");
	}

	private static void assertRefused(String action) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", 5038)) {
			socket.setSoTimeout(10_000);
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			OutputStream out = socket.getOutputStream();
			in.readLine(); // "Asterisk Call Manager/..."

			assertThat(send(out, in, "Action: Login\r\nUsername: helpline\r\nSecret: local-dev-only", "1"))
				.containsEntry("Response", "Success");
			Map<String, String> response = send(out, in, action, "2");

			assertThat(response).containsEntry("Response", "Error").containsEntry("Message", "Permission denied");
		}
	}

	/** Sends one action and returns the response with its ActionID, skipping events in between. */
	private static Map<String, String> send(OutputStream out, BufferedReader in, String action, String id)
			throws IOException {
		out.write((action + "\r\nActionID: " + id + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
		while (true) {
			Map<String, String> message = new LinkedHashMap<>();
			String line;
			while ((line = in.readLine()) != null && !line.isEmpty()) {
				int colon = line.indexOf(": ");
				if (colon > 0) {
					message.put(line.substring(0, colon), line.substring(colon + 2));
				}
			}
			if (line == null || (message.containsKey("Response") && id.equals(message.get("ActionID")))) {
				return message;
			}
		}
	}

}
