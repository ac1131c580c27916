package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ops/install/install.sh run as root in a clean Debian sid root folder (debootstrap, the way
 * the Asterisk sandbox is built) holding what it needs from Debian: systemd, postgresql,
 * asterisk, openjdk-25-jre-headless, openssl. Then the result: units that systemd-analyze
 * accepts, files and permissions as ops/runbook-install.md says, a PostgreSQL role with no
 * more than its own schema, the secrets wired into Asterisk's configuration, a second run
 * that keeps every secret, and the service started the way helpline.service starts it (its
 * ExecStart, user, environment file and working folder; systemd is not PID 1 here) against
 * the root's own PostgreSQL, answering health and pinging a watchdog socket until frozen.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstallIT {

	private static final Path WORK = Path.of("target/install").toAbsolutePath();

	// with the AOT cache's training run (ops/install/layout.sh): 20-60 s on a busy machine
	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(6);

	private static final String AOT_CACHE = "/opt/helpline/app/helpline.aot";

	private static final List<String> UNITS = List.of("/etc/systemd/system/helpline.service",
			"/etc/systemd/system/helpline-key-rotation.service", "/etc/systemd/system/helpline-key-rotation.timer");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final long WATCHDOG_USEC = 3_000_000;

	private final DebianRoot debian = new DebianRoot(WORK);

	private final int httpPort = freePort();

	private final int pgPort = freePort();

	private String pgVersion;

	private Map<String, String> firstEnvironment;

	private Process service;

	private Process notifyReceiver;

	private Path notifyLog;

	private boolean clusterStarted;

	@BeforeAll
	void installInACleanDebianRoot() throws IOException {
		Host.run(Duration.ofMinutes(5), "ops/prompts.sh", "target/sounds");
		long started = System.nanoTime();
		debian.open();
		System.out.println("measured: install test root ready (cache + overlay) in "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
		debian.copyCheckout();
		pgVersion = debian.run(Duration.ofSeconds(10), "sh", "-c", "ls /etc/postgresql").strip();
		// a free port: the host (and other tests) may already have a PostgreSQL on 5432
		debian.run(Duration.ofSeconds(10), "pg_conftool", pgVersion, "main", "set", "port", Integer.toString(pgPort));
		clusterStarted = true; // install.sh starts it (no systemd here); stopped in stopEverything
		long installing = System.nanoTime();
		debian.run(INSTALL_TIMEOUT, "env", "HELPLINE_NO_APT=1", "/root/helpline-src/ops/install/install.sh");
		System.out.println("measured: install.sh (first run) took "
				+ Duration.ofNanos(System.nanoTime() - installing).toMillis() + " ms");
		firstEnvironment = environmentFile();
	}

	@AfterAll
	void stopEverything() {
		try {
			if (service != null && service.isAlive()) {
				Host.exec(Duration.ofSeconds(5), "kill", "-CONT", Long.toString(service.pid())); // when frozen
			}
			stop(service);
			stop(notifyReceiver);
			if (clusterStarted) {
				debian.exec(Duration.ofSeconds(60), "pg_ctlcluster", pgVersion, "main", "stop", "-m", "fast");
			}
		}
		finally {
			debian.close();
		}
	}

	@Test
	void theUnitsAreValidForSystemd() {
		List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
		command.addAll(UNITS);
		Host.Result result = debian.exec(Duration.ofSeconds(60), command.toArray(String[]::new));
		// Unknown keys are only warnings: any output at all fails.
		assertThat(result.output()).isEmpty();
		assertThat(result.code()).isZero();
		String next = debian.run(Duration.ofSeconds(10), "systemd-analyze", "calendar", "*-01-01 03:00");
		assertThat(next).containsPattern("Next elapse: \\w+ \\d{4}-01-01 03:00:00");
	}

	@Test
	void filesAndPermissionsAreAsDocumented() {
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("/etc/helpline/helpline.env", "600 root:root");
		expected.put("/var/lib/helpline", "750 helpline:helpline");
		expected.put("/var/lib/helpline/keys", "700 helpline:helpline");
		expected.put("/opt/helpline/helpline.jar", "644 root:root");
		expected.put("/opt/helpline/app", "755 root:root");
		expected.put("/opt/helpline/app/helpline.jar", "644 root:root");
		expected.put("/opt/helpline/app/lib", "755 root:root");
		expected.put(AOT_CACHE, "644 root:root");
		expected.put("/opt/helpline/ops/rotate-pseudonym-keys.sh", "755 root:root");
		expected.put("/etc/asterisk", "750 root:asterisk");
		expected.put("/etc/asterisk/manager.conf", "640 root:asterisk");
		expected.put("/etc/asterisk/keys/helpline.key", "640 root:asterisk");
		expected.put("/usr/share/asterisk/sounds/helpline-live", "2750 helpline:asterisk");
		expected.put("/usr/share/asterisk/sounds/helpline/nl", "755 root:root");
		expected.put("/etc/systemd/journald.conf.d/helpline.conf", "644 root:root");
		expected.put("/etc/logrotate.d/helpline-asterisk", "644 root:root");
		int year = Integer.parseInt(debian.run(Duration.ofSeconds(5), "date", "-u", "+%Y").strip());
		expected.put("/var/lib/helpline/keys/pseudonym-" + year + ".key", "600 helpline:helpline");
		expected.put("/var/lib/helpline/keys/pseudonym-" + (year + 1) + ".key", "600 helpline:helpline");
		expected.forEach((path, modeAndOwner) -> assertThat(
				debian.run(Duration.ofSeconds(5), "stat", "-c", "%a %U:%G", path).strip())
			.as(path)
			.isEqualTo(modeAndOwner));
		assertThat(debian.run(Duration.ofSeconds(5), "getent", "passwd", "helpline")).contains(":/usr/sbin/nologin");
		assertThat(debian.run(Duration.ofSeconds(5), "ls", "/usr/share/asterisk/sounds/helpline/nl"))
			.contains("welcome.wav");
		assertThat(debian.run(Duration.ofSeconds(5), "cat", "/etc/systemd/journald.conf.d/helpline.conf"))
			.contains("MaxRetentionSec=14day");
		// (logrotate itself is not in the root: debootstrap cannot include it beside systemd)
		assertThat(debian.run(Duration.ofSeconds(5), "cat", "/etc/logrotate.d/helpline-asterisk"))
			.contains("/var/log/asterisk/messages {", "rotate 14");
	}

	@Test
	void theEnvironmentFileHoldsEveryProductionSecretAndAsteriskHasTheSameOnes() {
		for (String secret : List.of("HELPLINE_DB_PASSWORD", "HELPLINE_AGI_SECRET", "HELPLINE_AMI_SECRET",
				"HELPLINE_ADMIN_PASSWORD", "HELPLINE_PHONE_SECRET_COUNSELLOR_1")) {
			assertThat(firstEnvironment.get(secret)).as(secret).matches("[0-9a-f]{24,}");
		}
		assertThat(firstEnvironment.get("HELPLINE_DB_URL")).isEqualTo("jdbc:postgresql://localhost:" + pgPort + "/helpline");
		assertThat(debian.run(Duration.ofSeconds(5), "cat", "/etc/asterisk/manager.conf"))
			.contains("secret = " + firstEnvironment.get("HELPLINE_AMI_SECRET"));
		assertThat(debian.run(Duration.ofSeconds(5), "cat", "/etc/asterisk/extensions.conf"))
			.contains(firstEnvironment.get("HELPLINE_AGI_SECRET"))
			.doesNotContain("@AGI_SECRET@", "@BACKENDS@");
		assertThat(debian.run(Duration.ofSeconds(5), "cat", "/etc/asterisk/pjsip.conf"))
			.contains("password = " + firstEnvironment.get("HELPLINE_PHONE_SECRET_COUNSELLOR_1"))
			.doesNotContain("@PHONE_SECRET");
	}

	@Test
	void aSecondRunKeepsEverySecretAndTheAotCacheOfTheSameJar() {
		String cache = debian.run(Duration.ofSeconds(5), "stat", "-c", "%Y %i", AOT_CACHE);
		long started = System.nanoTime();
		debian.run(INSTALL_TIMEOUT, "env", "HELPLINE_NO_APT=1", "/root/helpline-src/ops/install/install.sh");
		System.out.println("measured: install.sh (second run) took "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
		assertThat(environmentFile()).isEqualTo(firstEnvironment);
		assertThat(debian.run(Duration.ofSeconds(5), "stat", "-c", "%Y %i", AOT_CACHE)).as("no new training run")
			.isEqualTo(cache);
		assertThat(debian.run(Duration.ofSeconds(5), "stat", "-c", "%a %U:%G", "/etc/helpline/helpline.env").strip())
			.isEqualTo("600 root:root");
	}

	@Test
	void theServicesDatabaseRoleMayDoNoMoreThanItsOwnSchema() {
		assertThat(sql("select rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolcanlogin"
				+ " from pg_roles where rolname = 'helpline'")).isEqualTo("f|f|f|f|f|t");
		assertThat(sql("select pg_get_userbyid(datdba) from pg_database where datname = 'helpline'"))
			.isEqualTo("helpline_admin");
		assertThat(sql("select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'helpline'"))
			.isEqualTo("helpline");
		assertThat(sql("select has_schema_privilege('helpline', 'public', 'CREATE'),"
				+ " has_database_privilege('helpline', 'helpline', 'CREATE')")).isEqualTo("f|f");
	}

	@Test
	void theServiceStartsAsTheUnitWouldAndAnswersHealthWithoutAsterisk() throws Exception {
		startService();
		JsonNode health = JsonMapper.builder().build().readTree(get("/actuator/health", true));
		JsonNode components = health.get("components");
		for (String up : List.of("db", "pseudonymKeys", "fastAgi", "prompts", "livenessState", "readinessState")) {
			assertThat(components.get(up).get("status").asString()).as(up).isEqualTo("UP");
		}
		// No Asterisk runs in this root: the manager connection is down, and so is the whole.
		assertThat(components.get("asteriskManager").get("status").asString()).isEqualTo("DOWN");
		assertThat(health.get("status").asString()).isEqualTo("DOWN");
		assertThat(get("/actuator/health/liveness", false)).contains("\"UP\"");
		assertThat(debian.run(Duration.ofSeconds(5), "stat", "-c", "%U", "/proc/" + service.pid()).strip())
			.isEqualTo("helpline");
		// The JVM maps the cache it uses; it logs "[error][aot]" and unmaps one that does not fit.
		assertThat(Files.readString(Path.of("/proc/" + service.pid() + "/maps"))).contains(AOT_CACHE);
		assertThat(Files.readString(WORK.resolve("service.log"))).doesNotContain("[aot]");

		await().atMost(Duration.ofSeconds(20)).until(() -> watchdogPings().size() >= 6);
		List<Double> pings = watchdogPings();
		double gap = (pings.get(pings.size() - 1) - pings.get(1)) / (pings.size() - 2);
		System.out.println("measured: watchdog pings " + Math.round(gap * 1000) + " ms apart with WATCHDOG_USEC="
				+ WATCHDOG_USEC);
		assertThat(gap).isBetween(0.8, 1.5); // a third of 3 s

		Host.run(Duration.ofSeconds(5), "kill", "-STOP", Long.toString(service.pid()));
		Thread.sleep(1_500); // a ping under way may still land
		int frozen = watchdogPings().size();
		Thread.sleep(WATCHDOG_USEC / 1000 + 2_000); // longer than the watchdog's timeout
		assertThat(watchdogPings()).as("pings from a frozen JVM").hasSize(frozen);
		Host.run(Duration.ofSeconds(5), "kill", "-CONT", Long.toString(service.pid()));
		await().atMost(Duration.ofSeconds(5)).until(() -> watchdogPings().size() > frozen);
		List<Double> after = watchdogPings();
		System.out.println("measured: no watchdog ping for " + Math.round((after.get(frozen) - after.get(frozen - 1)) * 1000)
				+ " ms while the JVM was stopped (SIGSTOP to SIGCONT)");
	}

	private void startService() throws IOException {
		Map<String, String> unit = unit("/etc/systemd/system/helpline.service");
		String user = unit.get("User");
		notifyLog = WORK.resolve("notify.log");
		Path socket = debian.root.resolve("run/helpline-test-notify.sock");
		Files.deleteIfExists(socket);
		// Java cannot receive unix datagrams either: python3 stands in for systemd's socket.
		notifyReceiver = new ProcessBuilder("python3", "-u", "-c", """
				import array, os, socket, struct, sys, time
				s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
				s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
				s.bind(sys.argv[1])
				os.chmod(sys.argv[1], 0o777)
				while True:
				    data, ancillary, flags, address = s.recvmsg(4096, socket.CMSG_SPACE(64))
				    pid = "?"
				    for level, kind, payload in ancillary:
				        if kind == socket.SCM_CREDENTIALS:
				            pid = struct.unpack("iII", payload[:12])[0]
				        elif kind == socket.SCM_RIGHTS:
				            # systemd-notify's barrier: a pipe it waits on until we close our end
				            for fd in array.array("i", payload[:len(payload) - len(payload) % 4]):
				                os.close(fd)
				    print("%.3f pid=%s %s" % (time.monotonic(), pid, data.decode(errors="replace").replace("\\n", " ")), flush=True)
				""", socket.toString()).redirectErrorStream(true)
			.redirectOutput(notifyLog.toFile())
			.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(socket));
		// As systemd would: the environment file read as root, then the unit's own
		// Environment=, user, working folder and ExecStart (java replaces each program in turn,
		// so the pid is the JVM's).
		String script = "set -a; . /etc/helpline/helpline.env; set +a; cd " + unit.get("WorkingDirectory")
				+ "; exec setpriv --reuid=" + user + " --regid=" + unit.get("Group") + " --init-groups --no-new-privs env HOME="
				+ unit.get("WorkingDirectory") + " " + unit.get("Environment") + " HELPLINE_HTTP_PORT=" + httpPort
				+ " HELPLINE_AGI_PORT=" + freePort() + " HELPLINE_AMI_PORT=" + freePort()
				+ " NOTIFY_SOCKET=/run/helpline-test-notify.sock WATCHDOG_USEC=" + WATCHDOG_USEC + " "
				+ unit.get("ExecStart");
		long started = System.nanoTime();
		service = asSystemdWould(new ProcessBuilder("chroot", debian.root.toString(), "/bin/sh", "-c", script))
			.redirectErrorStream(true)
			.redirectOutput(WORK.resolve("service.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!service.isAlive()) {
				throw new IllegalStateException("the service exited; see " + WORK.resolve("service.log"));
			}
			return notifyLines().stream().anyMatch(l -> l.endsWith("READY=1"));
		});
		System.out.println("measured: service ready (READY=1) " + Duration.ofNanos(System.nanoTime() - started).toMillis()
				+ " ms after start in the install root");
	}

	@Test
	void theKeyRotationUnitDestroysAnOldKeyAndKeepsThisYearsAndNext() {
		Map<String, String> unit = unit("/etc/systemd/system/helpline-key-rotation.service");
		String asHelpline = "set -a; . /etc/helpline/helpline.env; set +a; umask " + unit.get("UMask")
				+ "; exec setpriv --reuid=" + unit.get("User") + " --regid=" + unit.get("Group")
				+ " --init-groups --no-new-privs env HOME=/var/lib/helpline " + unit.get("Environment") + " ";
		int year = Integer.parseInt(debian.run(Duration.ofSeconds(5), "date", "-u", "+%Y").strip());
		// a key left over from an import of an old year's history
		chrootedShell(asHelpline + unit.get("ExecStart") + " --create " + (year - 3));
		assertThat(debian.exec(Duration.ofSeconds(5), "test", "-e", "/var/lib/helpline/keys/pseudonym-" + (year - 3) + ".key").code())
			.isZero();
		String rotation = chrootedShell(asHelpline + unit.get("ExecStart"));
		assertThat(rotation).containsPattern("destroyed: +\\[" + (year - 3) + "\\]")
			.containsPattern("kept: +\\[" + year + ", " + (year + 1) + "\\]");
		assertThat(debian.run(Duration.ofSeconds(5), "sh", "-c", "stat -c '%a %U' /var/lib/helpline/keys/*").lines())
			.containsOnly("600 helpline");
	}

	private String chrootedShell(String script) {
		try {
			Process process = asSystemdWould(new ProcessBuilder("chroot", debian.root.toString(), "/bin/sh", "-c", script))
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished: " + script).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
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

	/** Nothing of this JVM's environment (its JAVA_HOME, PATH...): systemd's own PATH only. */
	private static ProcessBuilder asSystemdWould(ProcessBuilder process) {
		process.environment().clear();
		process.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
		process.environment().put("LANG", "C.UTF-8");
		return process;
	}

	private List<Double> watchdogPings() {
		return notifyLines().stream()
			.filter(l -> l.endsWith(" WATCHDOG=1"))
			.map(l -> Double.parseDouble(l.substring(0, l.indexOf(' '))))
			.toList();
	}

	private List<String> notifyLines() {
		try {
			return Files.readAllLines(notifyLog);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String get(String path, boolean asOperator) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
			.timeout(Duration.ofSeconds(10));
		if (asOperator) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("operator:" + firstEnvironment.get("HELPLINE_ADMIN_PASSWORD"))
					.getBytes(StandardCharsets.UTF_8)));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private String sql(String query) {
		return debian
			.run(Duration.ofSeconds(30), "runuser", "-u", "postgres", "--", "psql", "-X", "-A", "-t", "-p",
					Integer.toString(pgPort), "-d", "helpline", "-c", query)
			.strip();
	}

	/** The [Service] settings of an installed unit (the last of each key). */
	private Map<String, String> unit(String path) {
		Map<String, String> settings = new LinkedHashMap<>();
		debian.run(Duration.ofSeconds(5), "cat", path)
			.lines()
			.filter(l -> l.matches("[A-Za-z]+=.*"))
			.forEach(l -> settings.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
		return settings;
	}

	private Map<String, String> environmentFile() {
		Map<String, String> settings = new LinkedHashMap<>();
		debian.run(Duration.ofSeconds(5), "cat", "/etc/helpline/helpline.env")
			.lines()
			.filter(l -> l.matches("[A-Z_0-9]+=.*"))
			.forEach(l -> settings.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
		return settings;
	}

	private static void stop(Process process) {
		if (process == null || !process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
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
