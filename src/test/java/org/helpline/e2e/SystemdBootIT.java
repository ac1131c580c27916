package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The installed units under a real systemd: Debian sid's systemd booted as PID 1 of its own
 * PID, mount, cgroup, UTS and IPC namespaces in a freshly installed root folder (this machine's
 * own PID 1 is not systemd). It starts PostgreSQL and helpline.service (Type=notify, the
 * hardening, the environment file), lists the key rotation timer, and restarts a JVM frozen
 * with SIGSTOP through the watchdog. Shares the host's network, so the service's ports are
 * free ones and Asterisk is masked (it would take the host's SIP and AMI ports). Getty units
 * are masked: they would open the host's terminals. Powered off and unmounted, pass or fail.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemdBootIT {

	private static final Path WORK = Path.of("target/install-boot").toAbsolutePath();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final DebianRoot debian = new DebianRoot(WORK);

	private final int httpPort = freePort();

	private Process unshare;

	private long systemd;

	@BeforeAll
	void installAndBoot() throws IOException {
		Host.run(Duration.ofMinutes(5), "ops/prompts.sh", "target/sounds");
		debian.open();
		debian.copyCheckout();
		String pg = debian.run(Duration.ofSeconds(10), "sh", "-c", "ls /etc/postgresql").strip();
		debian.run(Duration.ofSeconds(10), "pg_conftool", pg, "main", "set", "port", Integer.toString(freePort()));
		try {
			// (6 min: with the AOT cache's training run)
			debian.run(Duration.ofMinutes(6), "env", "HELPLINE_NO_APT=1", "/root/helpline-src/ops/install/install.sh");
		}
		finally {
			// systemd starts it again at boot
			debian.exec(Duration.ofSeconds(60), "pg_ctlcluster", pg, "main", "stop", "-m", "fast");
		}
		Path env = debian.root.resolve("etc/helpline/helpline.env");
		String settings = Files.readString(env)
			.replaceAll("(?m)^HELPLINE_HTTP_PORT=.*$", "HELPLINE_HTTP_PORT=" + httpPort)
			.replaceAll("(?m)^HELPLINE_AGI_PORT=.*$", "HELPLINE_AGI_PORT=" + freePort());
		Files.writeString(env, settings + "HELPLINE_AMI_PORT=" + freePort() + "\n");
		debian.run(Duration.ofSeconds(30), "systemctl", "mask", "asterisk.service", "getty@.service",
				"serial-getty@.service", "console-getty.service", "container-getty@.service", "getty-static.service");
		boot();
	}

	@AfterAll
	void powerOff() {
		try {
			if (unshare != null && unshare.isAlive()) {
				Host.exec(Duration.ofSeconds(5), "kill", "-s", "RTMIN+4", Long.toString(systemd));
				if (!waitFor(unshare, 60)) {
					// PID 1 of the namespace: its end ends every process in it
					Host.exec(Duration.ofSeconds(5), "kill", "-KILL", Long.toString(systemd));
					waitFor(unshare, 30);
				}
			}
		}
		finally {
			debian.close();
		}
	}

	@Test
	@Order(1)
	void systemdStartsTheServiceWithItsHardeningAndTheDatabase() throws Exception {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
			.until(() -> List.of("active", "failed").contains(systemctl("is-active", "helpline.service").strip()));
		assertThat(systemctl("show", "-p", "ActiveState", "-p", "SubState", "-p", "NRestarts", "helpline.service"))
			.contains("ActiveState=active", "SubState=running", "NRestarts=0");
		assertThat(systemctl("show", "-p", "User", "-p", "ProtectSystem", "-p", "NoNewPrivileges", "helpline.service"))
			.contains("User=helpline", "ProtectSystem=strict", "NoNewPrivileges=yes");
		assertThat(systemctl("--failed", "--no-legend", "--plain")).isBlank();
		// A cache that does not fit the jar or the JDK is ignored with "[error][aot]" lines.
		assertThat(Host.exec(Duration.ofSeconds(30), nsenter("journalctl", "--no-pager", "-u", "helpline.service")).output())
			.contains("Started HelplineApplication")
			.doesNotContain("[aot]");
		String health = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(health).contains("\"UP\"");
		assertThat(systemctl("list-timers", "--all", "--no-legend", "helpline-key-rotation.timer"))
			.containsPattern("\\d{4}-01-01 03:00:00")
			.contains("helpline-key-rotation.service");
	}

	@Test
	@Order(2)
	void aFrozenJvmIsKilledByTheWatchdogAndStartedAgain() {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
			.until(() -> systemctl("is-active", "helpline.service").strip().equals("active"));
		long frozen = System.nanoTime();
		systemctl("kill", "-s", "SIGSTOP", "helpline.service");
		List<String> states = new ArrayList<>();
		long[] acted = {0};
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
			String state = systemctl("show", "-p", "SubState", "-p", "NRestarts", "helpline.service").replace('\n', ' ').strip();
			if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
				states.add(state);
				if (states.size() > 1 && acted[0] == 0) {
					acted[0] = System.nanoTime(); // the first change after the freeze
				}
			}
			return state.contains("NRestarts=1") && state.contains("SubState=running");
		});
		long back = System.nanoTime();
		System.out.println("measured: under systemd, states after SIGSTOP: " + states);
		assertThat(systemctl("show", "-p", "WatchdogUSec", "helpline.service")).contains("WatchdogUSec=20s");
		assertThat(Host.exec(Duration.ofSeconds(30), nsenter("journalctl", "--no-pager", "-u", "helpline.service")).output())
			.contains("Watchdog timeout");
		Duration outOfService = Duration.ofNanos(acted[0] - frozen);
		System.out.println("measured: frozen JVM: systemd's watchdog acted after " + outOfService.toMillis()
				+ " ms, serving again (READY=1) after " + Duration.ofNanos(back - frozen).toMillis() + " ms");
		// WatchdogSec=20s counts from the last ping, which came at most a third of it before the freeze
		assertThat(outOfService).isLessThanOrEqualTo(Duration.ofSeconds(21));
	}

	private void boot() {
		Path root = debian.root;
		String script = "set -e; mount -t sysfs -o ro sysfs " + root.resolve("sys") + "; mount -t cgroup2 cgroup2 "
				+ root.resolve("sys/fs/cgroup") + "; exec chroot " + root + " /usr/lib/systemd/systemd --system";
		ProcessBuilder builder = new ProcessBuilder("unshare", "--pid", "--fork", "--mount", "--cgroup", "--uts", "--ipc",
				"--propagation", "private", "--mount-proc=" + root.resolve("proc"), "sh", "-c", script)
			.redirectErrorStream(true)
			.redirectOutput(WORK.resolve("console.log").toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		builder.environment().clear();
		builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
		builder.environment().put("container", "helpline-test");
		try {
			unshare = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!unshare.isAlive()) {
				throw new IllegalStateException("systemd did not boot; see " + WORK.resolve("console.log"));
			}
			return unshare.children().findFirst().filter(p -> p.info().command().orElse("").endsWith("systemd")).isPresent();
		});
		systemd = unshare.children().findFirst().orElseThrow().pid();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> Host.exec(Duration.ofSeconds(10), nsenter("systemctl", "is-system-running"))
				.output()
				.matches("(?s)(initializing|starting|running|degraded|maintenance)\\s*"));
	}

	private String systemctl(String... arguments) {
		List<String> command = new ArrayList<>(List.of("systemctl", "--no-pager"));
		command.addAll(List.of(arguments));
		return Host.exec(Duration.ofSeconds(30), nsenter(command.toArray(String[]::new))).output();
	}

	private String[] nsenter(String... command) {
		List<String> all = new ArrayList<>(List.of("nsenter", "-t", Long.toString(systemd), "-m", "-p", "-C", "-r", "-w"));
		all.addAll(List.of(command));
		return all.toArray(String[]::new);
	}

	private static boolean waitFor(Process process, int seconds) {
		try {
			return process.waitFor(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
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

}
