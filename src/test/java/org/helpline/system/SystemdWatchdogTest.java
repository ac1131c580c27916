package org.helpline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The messages systemd-notify is asked to send, recorded by a stand-in script. */
class SystemdWatchdogTest {

	@TempDir
	Path folder;

	private Path sent;

	private String command;

	private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

	private SystemdWatchdog watchdog;

	@BeforeEach
	void standInForSystemdNotify() throws IOException {
		sent = folder.resolve("sent");
		Path script = folder.resolve("systemd-notify");
		Files.writeString(script, "#!/bin/sh\necho \"$1\" >> '" + sent + "'\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
		command = script.toString();
		availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, LivenessState.CORRECT));
	}

	@AfterEach
	void stop() {
		if (watchdog != null) {
			watchdog.stopping();
		}
	}

	@Test
	void startedBySystemdWithAWatchdogSaysReadyThenPingsAThirdOfTheTimeoutApart() {
		watchdog = new SystemdWatchdog(availability, Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC",
				"600000", "WATCHDOG_PID", Long.toString(ProcessHandle.current().pid())), command);
		long started = System.nanoTime();
		watchdog.ready();
		await().atMost(Duration.ofSeconds(10)).until(() -> lines().stream().filter("WATCHDOG=1"::equals).count() >= 4);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		assertThat(lines().get(0)).isEqualTo("READY=1");
		// four pings at 0, 200, 400, 600 ms: well inside the 600 ms timeout each time
		assertThat(elapsed).isBetween(Duration.ofMillis(550), Duration.ofSeconds(5));
	}

	@Test
	void aBrokenLivenessStateEndsThePings() throws InterruptedException {
		watchdog = new SystemdWatchdog(availability, Map.of("NOTIFY_SOCKET", "/x", "WATCHDOG_USEC", "150000"), command);
		watchdog.ready();
		await().atMost(Duration.ofSeconds(10)).until(() -> lines().contains("WATCHDOG=1"));
		availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, LivenessState.BROKEN));
		Thread.sleep(200); // a ping already under way may still land
		int before = lines().size();
		Thread.sleep(500);
		assertThat(lines()).hasSize(before);
	}

	@Test
	void stoppingSaysSoAndEndsThePings() throws InterruptedException {
		watchdog = new SystemdWatchdog(availability, Map.of("NOTIFY_SOCKET", "/x", "WATCHDOG_USEC", "150000"), command);
		watchdog.ready();
		await().atMost(Duration.ofSeconds(10)).until(() -> lines().contains("WATCHDOG=1"));
		watchdog.stopping();
		List<String> after = lines();
		assertThat(after.get(after.size() - 1)).isEqualTo("STOPPING=1");
		Thread.sleep(400);
		assertThat(lines()).isEqualTo(after);
	}

	@Test
	void withoutAWatchdogOnlyReadinessIsSent() throws InterruptedException {
		watchdog = new SystemdWatchdog(availability, Map.of("NOTIFY_SOCKET", "/x"), command);
		watchdog.ready();
		Thread.sleep(300);
		assertThat(lines()).containsExactly("READY=1");
	}

	@Test
	void notStartedBySystemdSendsNothing() throws InterruptedException {
		watchdog = new SystemdWatchdog(availability, Map.of("WATCHDOG_USEC", "150000"), command);
		watchdog.ready();
		Thread.sleep(300);
		assertThat(sent).doesNotExist();
	}

	@Test
	void aWatchdogMeantForAnotherProcessIsLeftToIt() throws InterruptedException {
		watchdog = new SystemdWatchdog(availability,
				Map.of("NOTIFY_SOCKET", "/x", "WATCHDOG_USEC", "150000", "WATCHDOG_PID", "1"), command);
		watchdog.ready();
		Thread.sleep(300);
		assertThat(lines()).containsExactly("READY=1");
	}

	private List<String> lines() {
		try {
			return Files.exists(sent) ? Files.readAllLines(sent) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
