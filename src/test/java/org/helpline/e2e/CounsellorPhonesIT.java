package org.helpline.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the counsellors' phones can and cannot do against the real Asterisk: the caller learns
 * nothing of the counsellor who answers, a phone's password opens only that phone, and phones
 * elsewhere have a TLS transport with SRTP.
 */
class CounsellorPhonesIT extends AsteriskTest {

	static final String CALLER = "+31612345678";

	/** What the counsellor's phone says about itself (counsellor-answer-as-anna.xml). */
	static final String COUNSELLORS_NAME = "Counsellor Anna";

	static final String COUNSELLORS_ENDPOINT = "counsellor-1";

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	@Test
	void theCallerLearnsNothingOfTheCounsellorWhoAnswers() {
		String heard = callAnsweredByAnna();

		assertThat(heard).as("what the caller received").doesNotContain(COUNSELLORS_NAME).doesNotContain(COUNSELLORS_ENDPOINT);
	}

	/**
	 * Dial's {@code I} on its own: with endpoints that would take the phone's identity in and pass
	 * connected-line updates on to the caller, Dial still keeps it from the caller.
	 */
	@Test
	void dialKeepsTheCounsellorFromTheCallerEvenWhenTheEndpointsWouldPassTheirIdentityOn() {
		Path pjsip = AsteriskSandbox.root().resolve("etc/asterisk/pjsip.conf");
		String shipped = read(pjsip);
		try {
			reloadPjsip(pjsip, shipped.replace("send_connected_line = no", "send_connected_line = yes")
				.replace("send_pai = no", "send_pai = yes")
				.replace("send_rpid = no", "send_rpid = yes")
				.replace("trust_id_inbound = no", "trust_id_inbound = yes")
				.replace("trust_connected_line = no", "trust_connected_line = yes"));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> AsteriskSandbox.cli("pjsip show endpoint anonymous")
					.matches("(?s).*send_connected_line\\s*:\\s*(yes|true).*"));

			String heard = callAnsweredByAnna();

			assertThat(heard).as("what the caller received").doesNotContain(COUNSELLORS_NAME).doesNotContain(COUNSELLORS_ENDPOINT);
		}
		finally {
			reloadPjsip(pjsip, shipped);
		}
	}

	@Test
	void onePhonesPasswordDoesNotAuthenticateAsAnotherPhone() {
		long bea = counsellors.create(new CounsellorSettings("Bea", "counsellor-2", null, null, Map.of(), Map.of()))
			.id();
		String phone1 = installedPassword("counsellor-1");
		String phone2 = installedPassword("counsellor-2");

		try (Sipp impostor = Sipp.counsellorDials("*21", "counsellor-2", phone1)) {
			assertThat(impostor.exitCode(Duration.ofSeconds(40))).as("counsellor-2 with phone 1's password").isNotZero();
			assertThat(impostor.messages()).doesNotContain("SIP/2.0 200 OK");
		}
		assertThat(presence.status(bea).state()).isEqualTo(CounsellorState.SIGNED_OUT);
		assertThat(phone1).isNotEqualTo(phone2);

		try (Sipp own = Sipp.counsellorDials("*21", "counsellor-2", phone2)) {
			assertThat(own.exitCode(Duration.ofSeconds(40))).as("counsellor-2 with its own password: " + own.output())
				.isZero();
		}
	}

	@Test
	void phonesElsewhereHaveATlsTransportAndAnEndpointThatRequiresSrtp() throws Exception {
		assertThat(AsteriskSandbox.cli("pjsip show transports")).containsPattern("transport-tls\\s+tls\\s+\\S+\\s+\\S+\\s+127.0.0.1:5061");
		String endpoint = AsteriskSandbox.cli("pjsip show endpoint counsellor-5");
		assertThat(endpoint).containsPattern("\\bmedia_encryption\\s*:\\s*sdes")
			.containsPattern("\\bmedia_encryption_optimistic\\s*:\\s*false")
			.containsPattern("\\btransport\\s*:\\s*transport-tls")
			.containsPattern("\\bidentify_by\\s*:\\s*username");

		try (SSLSocket socket = tlsTo(5061)) {
			socket.startHandshake();
			X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
			assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=helpline-sandbox");
			assertThat(socket.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");

			String branch = "z9hG4bK" + UUID.randomUUID();
			String options = "OPTIONS sip:127.0.0.1:5061;transport=tls SIP/2.0\r\n" + "Via: SIP/2.0/TLS 127.0.0.1:"
					+ socket.getLocalPort() + ";branch=" + branch + ";rport\r\n" + "Max-Forwards: 70\r\n"
					+ "From: <sip:probe@127.0.0.1>;tag=" + UUID.randomUUID() + "\r\n"
					+ "To: <sip:127.0.0.1:5061>\r\n" + "Call-ID: " + UUID.randomUUID() + "@127.0.0.1\r\n"
					+ "CSeq: 1 OPTIONS\r\n" + "Content-Length: 0\r\n\r\n";
			socket.getOutputStream().write(options.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			assertThat(statusLine(socket.getInputStream())).as("Asterisk's answer over TLS").isEqualTo("SIP/2.0 200 OK");
		}
	}

	/** A caller reaches Anna's phone, which names her in every answer; what the caller received. */
	private String callAnsweredByAnna() {
		at("2027-01-05T10:00");
		long anna = counsellors.create(new CounsellorSettings("Anna", COUNSELLORS_ENDPOINT, null, null, Map.of(), Map.of()))
			.id();
		presence.signIn(anna);
		try (Sipp phone = Sipp.phone("counsellor-answer-as-anna.xml", 5081);
				RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller-checks-identity.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT)) {
			int callerExit = caller.exitCode(Duration.ofSeconds(90));
			assertThat(phone.exitCode(Duration.ofSeconds(30))).as(() -> "the counsellor's phone: " + phone.output())
				.isZero();
			assertThat(phone.messages()).as("Anna's phone answered").contains("P-Asserted-Identity: \"" + COUNSELLORS_NAME);
			String heard = caller.messages();
			assertThat(heard).as("the caller was answered").contains("SIP/2.0 200 OK");
			assertThat(callerExit).as(caller.output()).isZero();
			return received(heard);
		}
	}

	/** The messages SIPp logged as received (SIPp writes "received" above each). */
	private static String received(String messages) {
		StringBuilder received = new StringBuilder();
		for (String block : messages.split("\n(?=-{5,})")) {
			if (block.contains("message received")) {
				received.append(block).append('\n');
			}
		}
		assertThat(received).as("SIPp's log names received messages").isNotEmpty();
		return received.toString();
	}

	private void reloadPjsip(Path pjsip, String content) {
		try {
			Files.writeString(pjsip, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		AsteriskSandbox.cli("module reload res_pjsip.so");
	}

	/** The password an endpoint has in the installed configuration (its own, or its template's). */
	private static String installedPassword(String endpoint) {
		String pjsip = read(AsteriskSandbox.root().resolve("etc/asterisk/pjsip.conf"));
		String own = password(pjsip, "[" + endpoint + "-auth]");
		return own != null ? own : password(pjsip, "[counsellor-auth](!)");
	}

	private static String password(String config, String sectionHeader) {
		int start = config.indexOf(sectionHeader);
		assertThat(start).as(sectionHeader).isNotNegative();
		int end = config.indexOf("\n[", start + 1);
		String section = config.substring(start, end < 0 ? config.length() : end);
		return section.lines()
			.filter(line -> line.startsWith("password = "))
			.map(line -> line.substring("password = ".length()).strip())
			.findFirst()
			.orElse(null);
	}

	/** A TLS connection that trusts only the sandbox's own certificate. */
	private static SSLSocket tlsTo(int port) throws Exception {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		try (InputStream cert = Files.newInputStream(Path.of("target/asterisk/tls/helpline.crt"))) {
			trusted.setCertificateEntry("sandbox", CertificateFactory.getInstance("X.509").generateCertificate(cert));
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(null, trust.getTrustManagers(), null);
		SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port);
		socket.setSoTimeout(10_000);
		return socket;
	}

	private static String statusLine(InputStream in) throws IOException {
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
