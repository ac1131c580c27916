package org.helpline.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.helpline.IntegrationTest;
import org.helpline.helplines.HelplineSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real PostgreSQL server of this test's own, stopped while a call ends and started again:
 * the caller's line is not held while the database is away, and the call's record is written
 * once it is back, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseAwayTest extends IntegrationTest {

	static final String HELPLINE_NUMBER = "08002666436";

	private static final Path DATA = Path.of("target/database-away-pg");

	private static final int PORT = freePort();

	private static EmbeddedPostgres server = start();

	/** Hikari's own URL: IntegrationTest's spring.datasource.url would win over a second one. */
	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.hikari.jdbc-url",
				() -> "jdbc:postgresql://localhost:" + PORT + "/postgres?connectTimeout=2");
	}

	@AfterAll
	void stopServer() throws IOException {
		server.close();
	}

	@Test
	void aCallThatEndsWhileTheDatabaseIsAwayIsNotHeldAndIsRecordedOnceItIsBack() throws IOException {
		long helplineId = helplines.create(new HelplineSettings("Stop it Now", List.of(HELPLINE_NUMBER),
				"Europe/Amsterdam", "NL", "nl", 25)).id();
		jdbc.sql("delete from contact_record").update();
		assertThat(jdbc.sql("select inet_server_port()").query(Integer.class).single()).as("this test's own server")
			.isEqualTo(PORT);
		FakeAsterisk asterisk = new FakeAsterisk(agiPort()).variable("HELPLINE_ID", Long.toString(helplineId));

		server.close();
		long start = System.nanoTime();
		asterisk.run("ended?dialstatus=NOANSWER&talk=&fallback=", HELPLINE_NUMBER);
		Duration held = Duration.ofNanos(System.nanoTime() - start);
		sleep(Duration.ofSeconds(5));
		server = start();

		assertThat(held).as("the ended request let Asterisk go on").isLessThan(Duration.ofSeconds(1));
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
			.until(() -> jdbc.sql("select count(*) from contact_record").query(Integer.class).single() == 1);
		sleep(Duration.ofSeconds(3));
		assertThat(jdbc.sql("select outcome from contact_record").query(String.class).list())
			.containsExactly("ABANDONED_WAITING");
	}

	private static EmbeddedPostgres start() {
		try {
			Files.createDirectories(DATA);
			return EmbeddedPostgres.builder().setPort(PORT).setDataDirectory(DATA).setCleanDataDirectory(false).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
