package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator's worst day, with two service nodes (the built jar, each its own process) on one
 * real PostgreSQL server (Debian's postgresql package, started and stopped by the test) behind
 * the sandbox's Asterisk: a node killed with -9 while callers wait, a node frozen (SIGSTOP)
 * while calls arrive, the database stopped while calls arrive, talk and end. Each test listens
 * to every caller (longest silence), checks who was served in which order, and counts the
 * records against the calls. The figures printed as "measured:" are BENCHMARKS.md's faults
 * table.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeFaultsIT {

	static final String NUMBER = "08002666436";

	static final Duration SILENCE = Duration.ofSeconds(2);

	private static final Path PG_DATA = Path.of("target/nodes/postgres").toAbsolutePath();

	private final int pgPort = freePort();

	private final String jdbcUrl = "jdbc:postgresql://localhost:" + pgPort + "/postgres?connectTimeout=2";

	private PostgresServer database;

	private ServiceNode a;

	private ServiceNode b;

	private long anna;

	@BeforeAll
	void twoNodesOneDatabaseOneAsterisk() throws IOException {
		deleteFolder(PG_DATA.getParent());
		database = startDatabase();
		a = new ServiceNode("node-a", freePort(), freePort(), jdbcUrl);
		b = new ServiceNode("node-b", freePort(), freePort(), jdbcUrl);
		AsteriskSandbox.start("127.0.0.1:" + a.agiPort + ",127.0.0.1:" + b.agiPort);
		// One after the other: the first creates the schema and this year's pseudonym key.
		a.start();
		b.start();
		long helpline = id(a.post("/api/helplines", """
				{"name":"Stop it Now","numbers":["%s"],"timeZone":"Europe/Amsterdam","country":"NL",
				 "language":"nl","ringTimeoutSeconds":20}""".formatted(NUMBER)));
		List<String> days = new ArrayList<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			days.add("{\"day\":\"" + day + "\",\"start\":\"00:00\",\"end\":\"00:00\"}");
		}
		a.put("/api/helplines/" + helpline + "/opening-hours", "[" + String.join(",", days) + "]");
		a.put("/api/helplines/" + helpline + "/holiday-policy", "{\"closedTypes\":[],\"alsoClosed\":[],\"stayOpen\":[]}");
		// Anna is paused while callers wait for her: they wait for her, not sent away as with nobody on duty.
		a.put("/api/helplines/" + helpline + "/routing",
				"{\"strategy\":\"LONGEST_IDLE\",\"wrapUpSeconds\":0,\"waitForSignInSeconds\":900}");
		a.put("/api/helplines/" + helpline + "/menu", "{\"welcome\":\"welcome\",\"skipPromptOnKey\":true}");
		anna = id(a.post("/api/counsellors", "{\"displayName\":\"Anna\",\"endpoint\":\"counsellor-1\"}"));
	}

	@AfterAll
	void stopEverything() throws IOException {
		try {
			a.close();
			b.close();
		}
		finally {
			try {
				AsteriskSandbox.stop();
			}
			finally {
				if (database != null) {
					database.close();
				}
			}
		}
	}

	@BeforeEach
	void bothNodesUpAnnaFreeNoRecords() throws SQLException {
		if (!databaseIsUp()) {
			database = startDatabase();
		}
		if (!a.isAlive()) {
			a.start();
		}
		if (!b.isAlive()) {
			b.start();
		}
		AsteriskSandbox.cli("dialplan set global HELPLINE_SUSPECT_1 0");
		AsteriskSandbox.cli("dialplan set global HELPLINE_SUSPECT_2 0");
		sql("delete from contact_record");
		a.post("/api/counsellors/" + anna + "/sign-in", "");
		a.post("/api/counsellors/" + anna + "/resume", "");
		await().atMost(Duration.ofSeconds(20)).until(() -> a.get("/api/routing/board").contains("\"AVAILABLE\""));
	}

	@Test
	void aKilledNodesWaitingCallersAreServedByTheOtherNodeInTheirOrder() {
		a.post("/api/counsellors/" + anna + "/pause", "{\"reason\":\"fault test\"}");
		List<Caller> callers = new ArrayList<>();
		try (Sipp annasPhone = Sipp.phone("counsellor-answer.xml", 5081, "-m", "3")) {
			for (int i = 0; i < 3; i++) {
				callers.add(new Caller(i, 30_000 + 12_000 * i));
				sleep(Duration.ofSeconds(1));
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> a.get("/api/routing/board").contains("\"waiting\":3"));
			a.kill();
			long killedAt = System.nanoTime();
			// Anna is free before the callers reach B, and they re-join there one by one: B keeps
			// her for the first of them, not for whichever comes back first.
			b.post("/api/counsellors/" + anna + "/resume", "");
			await().atMost(Duration.ofSeconds(30)).until(() -> annasPhone.messages().contains("INVITE sip:"));
			Duration moved = Duration.ofNanos(System.nanoTime() - killedAt);

			for (Caller caller : callers) {
				caller.finished();
			}
			assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
			System.out.println("measured: kill -9 with 3 waiting: the first served on the other node " + moved
					+ " after the kill; " + callers);
		}
		finally {
			callers.forEach(Caller::close);
		}
		assertThat(callers).allSatisfy(c -> assertThat(c.ear.longestSilenceBetweenSounds()).isLessThan(SILENCE));
		assertThat(callers.get(0).connectedAfter()).isLessThan(callers.get(1).connectedAfter());
		assertThat(callers.get(1).connectedAfter()).isLessThan(callers.get(2).connectedAfter());
		assertThat(recordedOutcomes(3)).containsExactly("ANSWERED", "ANSWERED", "ANSWERED");
	}

	@Test
	void whileANodeIsFrozenNewCallersAreServedByTheOtherNode() {
		List<Caller> callers = new ArrayList<>();
		try {
			a.freeze();
			long frozenAt = System.nanoTime();
			callAnsweredByAnna(callers);
			callAnsweredByAnna(callers);
			// Frozen for a minute in all, then back: it takes calls again.
			sleep(Duration.ofSeconds(60).minus(Duration.ofNanos(System.nanoTime() - frozenAt)));
			a.thaw();
			callAnsweredByAnna(callers);
			System.out.println("measured: node frozen 60 s: " + callers);
		}
		finally {
			a.thaw();
			callers.forEach(Caller::close);
		}
		assertThat(callers.get(0).answeredAfter()).as("the first call leaves the frozen node")
			.isLessThan(Duration.ofSeconds(5));
		assertThat(callers.get(1).answeredAfter()).as("the next call passes it over")
			.isLessThan(Duration.ofMillis(1500));
		assertThat(callers).allSatisfy(c -> assertThat(c.ear.longestSilenceBetweenSounds()).isLessThan(SILENCE));
		assertThat(recordedOutcomes(3)).containsExactly("ANSWERED", "ANSWERED", "ANSWERED");
	}

	@Test
	void aCounsellorWhoHangsUpDoesNotLeaveTheCallerInSilenceWhenTheNodeIsFrozen() {
		try (RtpListener ear = new RtpListener(40000);
				Sipp annasPhone = Sipp.phone("counsellor-hangs-up.xml", 5081, "-set", "talk_ms", "6000");
				Sipp caller = Sipp.caller("caller.xml", NUMBER, "0612345610", 40000)) {
			await().atMost(Duration.ofSeconds(20)).until(() -> annasPhone.messages().contains("ACK sip:"));
			a.freeze();

			assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
			long counsellorGone = System.nanoTime();
			assertThat(caller.exitCode(Duration.ofSeconds(30))).as(caller.output()).isZero();
			Duration held = Duration.ofNanos(System.nanoTime() - counsellorGone);
			System.out.println("measured: counsellor hung up, node frozen: the caller's line ended after " + held);
			assertThat(held).isLessThan(Duration.ofSeconds(4));
		}
		finally {
			a.thaw();
		}
		assertThat(recordedOutcomes(1)).containsExactly("ANSWERED");
	}

	/**
	 * Callers on both nodes (the first waits on A; A freezes and the next goes to B): one queue.
	 * B's board shows both once A is back, and when Anna is free, B leaves her to A's caller, who
	 * came first, though B heard of her first.
	 */
	@Test
	void theCallerWaitingLongestOnAnyNodeGetsTheNextFreeCounsellor() {
		a.post("/api/counsellors/" + anna + "/pause", "{\"reason\":\"fault test\"}");
		List<Caller> callers = new ArrayList<>();
		try (Sipp annasPhone = Sipp.phone("counsellor-answer.xml", 5081, "-m", "2")) {
			callers.add(new Caller(0, 30_000));
			await().atMost(Duration.ofSeconds(20)).until(() -> a.get("/api/routing/board").contains("\"waiting\":1"));
			a.freeze();
			try {
				callers.add(new Caller(1, 45_000));
				// B's own caller (its board shows A's too)
				await().atMost(Duration.ofSeconds(20)).until(() -> b.get("/actuator/prometheus")
					.matches("(?s).*helpline_routing_calls_waiting\\{[^}]*helpline=\"Stop it Now\"[^}]*} 1\\.0.*"));
				sleep(Duration.ofSeconds(5));
			}
			finally {
				a.thaw();
			}
			awaitOrShowBoards(Duration.ofSeconds(10), () -> b.get("/api/routing/board").contains("\"waiting\":2"));
			b.post("/api/counsellors/" + anna + "/resume", "");

			for (Caller caller : callers) {
				caller.finished();
			}
			assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
			System.out.println("measured: one queue on two nodes: " + callers);
		}
		finally {
			callers.forEach(Caller::close);
		}
		assertThat(callers.get(0).connectedAfter()).as("A's caller, first in line, gets Anna when she resumes")
			.isLessThan(Duration.ofSeconds(28));
		assertThat(callers.get(1).connectedAfter()).as("B's caller gets her after A's caller hung up")
			.isGreaterThan(Duration.ofSeconds(20));
		assertThat(callers).allSatisfy(c -> assertThat(c.ear.longestSilenceBetweenSounds()).isLessThan(SILENCE));
		assertThat(recordedOutcomes(2)).containsExactly("ANSWERED", "ANSWERED");
	}

	/** One more caller, who stays 15 s (the welcome, then Anna), and Anna's phone answering them. */
	private void callAnsweredByAnna(List<Caller> callers) {
		try (Sipp annasPhone = Sipp.phone("counsellor-answer.xml", 5081)) {
			Caller caller = new Caller(callers.size(), 15_000);
			callers.add(caller);
			caller.finished();
			assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
		}
	}

	@Test
	void whileTheDatabaseIsStoppedForAMinuteNobodyIsSilentAndEveryCallIsRecordedOnceItIsBack() {
		List<Caller> callers = new ArrayList<>();
		try {
			long stoppedAt;
			Caller arriving;
			// Anna hangs up during the outage: the caller's line must not wait for the database.
			try (Sipp annasPhone = Sipp.phone("counsellor-hangs-up.xml", 5081, "-set", "talk_ms", "15000")) {
				Caller talking = new Caller(0, "caller.xml");
				callers.add(talking);
				await().atMost(Duration.ofSeconds(15)).until(() -> annasPhone.messages().contains("INVITE sip:"));
				stopDatabase();
				stoppedAt = System.nanoTime();
				arriving = new Caller(1, 80_000);
				callers.add(arriving);
				assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
				long annaGone = System.nanoTime();
				talking.finished();
				Duration held = Duration.ofNanos(System.nanoTime() - annaGone);
				System.out.println("measured: database away, Anna hung up: the caller's line ended after " + held);
				assertThat(held).isLessThan(Duration.ofSeconds(1));
			}
			// SIPp stops a phone after 90 s: a second one for the second call
			try (Sipp again = Sipp.phone("counsellor-answer.xml", 5081)) {
				sleep(Duration.ofSeconds(60).minus(Duration.ofNanos(System.nanoTime() - stoppedAt)));
				database = startDatabase();
				long backAt = System.nanoTime();
				awaitOrShowBoards(Duration.ofSeconds(40), () -> again.messages().contains("INVITE sip:counsellor-1@"));
				Duration routable = Duration.ofNanos(System.nanoTime() - backAt);
				arriving.finished();
				assertThat(again.exitCode(Duration.ofSeconds(30))).as(again.output()).isZero();
				System.out.println("measured: database stopped 60 s: a counsellor got the waiting caller " + routable
						+ " after it was back; " + callers);
			}
		}
		finally {
			callers.forEach(Caller::close);
		}
		assertThat(callers.get(1).answeredAfter()).isLessThan(Duration.ofSeconds(5));
		assertThat(callers).allSatisfy(c -> assertThat(c.ear.longestSilenceBetweenSounds()).isLessThan(SILENCE));
		assertThat(recordedOutcomes(2)).containsExactly("ANSWERED", "ANSWERED");
	}

	private void stopDatabase() {
		database.stop();
	}

	/** Waits; when in vain, the failure shows both nodes' live boards (queues, counsellors' states). */
	private void awaitOrShowBoards(Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
		try {
			await().atMost(atMost).until(condition);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("node A's board: " + a.get("/api/routing/board") + "\nnode B's board: "
					+ b.get("/api/routing/board"), ex);
		}
	}

	/** What one SIPp caller heard, listening on their own RTP port. */
	private static final class Caller implements AutoCloseable {

		final int number;

		final RtpListener ear;

		final Sipp sipp;

		/** A caller who hangs up after staying this long. */
		Caller(int number, int staysMillis) {
			this(number, "caller-hangs-up.xml", "-d", Integer.toString(staysMillis));
		}

		/** A caller who stays until Asterisk hangs up ({@code caller.xml}). */
		Caller(int number, String scenario, String... extra) {
			this.number = number;
			this.ear = new RtpListener(40000 + 2 * number);
			List<String> arguments = new ArrayList<>(List.of("-p", Integer.toString(5070 + 2 * number)));
			arguments.addAll(List.of(extra));
			this.sipp = Sipp.caller(scenario, NUMBER, "06123456" + (10 + number), 40000 + 2 * number,
					arguments.toArray(String[]::new));
		}

		void finished() {
			assertThat(sipp.exitCode(Duration.ofSeconds(120))).as(sipp.output()).isZero();
		}

		Duration answeredAfter() {
			return ear.firstPacketAfter().orElseThrow();
		}

		/** When the caller stopped hearing the line (music, prompts): connected to the silent test phone. */
		Duration connectedAfter() {
			return ear.lastSoundAfter().orElseThrow();
		}

		@Override
		public void close() {
			sipp.close();
			ear.close();
		}

		@Override
		public String toString() {
			return "caller " + number + ": answered after " + ear.firstPacketAfter().orElse(null)
					+ ", longest silence " + ear.longestSilenceBetweenSounds() + ", connected after "
					+ ear.lastSoundAfter().orElse(null);
		}

	}

	private List<String> recordedOutcomes(int expected) {
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> count("contact_record") >= expected);
		sleep(Duration.ofSeconds(2));
		List<String> outcomes = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
				ResultSet rows = connection.createStatement().executeQuery("select outcome from contact_record")) {
			while (rows.next()) {
				outcomes.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return outcomes;
	}

	private int count(String table) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
				ResultSet rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private void sql(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			connection.createStatement().execute(statement);
		}
	}

	/** The same server (and data) again after {@link #stopDatabase()}. */
	private PostgresServer startDatabase() {
		if (database == null) {
			database = new PostgresServer(PG_DATA, pgPort);
		}
		return database.start();
	}

	private boolean databaseIsUp() {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static long id(String json) {
		Matcher id = Pattern.compile("\"id\":([0-9]+)").matcher(json);
		if (!id.find()) {
			throw new IllegalStateException("no id in " + json);
		}
		return Long.parseLong(id.group(1));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteFolder(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (var walk = Files.walk(folder)) {
				walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
