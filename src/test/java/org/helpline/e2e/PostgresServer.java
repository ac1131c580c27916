package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from Debian's {@code postgresql} package, started and stopped by the
 * test: its own data folder (kept between {@link #stop()} and {@link #start()}), on a given port,
 * listening on 127.0.0.1 only, its socket in a folder beside the data, trust for local
 * connections as user {@code postgres} (empty password). PostgreSQL refuses to run as root: as
 * root (CI, the sandbox) initdb and pg_ctl run as the package's system user {@code postgres}.
 * Every command's output goes to {@code postgres-commands.log}, the server's own to
 * {@code postgres-server.log}, both beside the data folder. {@link #close()} leaves no process
 * behind: when pg_ctl cannot stop the server, the postmaster (by its postmaster.pid) and its
 * backends are killed.
 */
final class PostgresServer implements AutoCloseable {

	private static final String PACKAGE_HINT = "install Debian's package postgresql (apt-get install postgresql)";

	private static final String SYSTEM_USER = "postgres";

	private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);

	/** pg_ctl's own wait (-t), and a bit more for the command itself. */
	private static final int PG_CTL_WAIT_SECONDS = 30;

	private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(PG_CTL_WAIT_SECONDS + 30);

	private final Path data;

	private final int port;

	private final Path socketFolder;

	private final Path commandLog;

	private final Path serverLog;

	private final Path bin;

	private final boolean asSystemUser;

	private boolean shutdownHookAdded;

	/** Nothing runs yet: {@link #start()}. The data folder's parent holds the socket folder and the logs. */
	PostgresServer(Path data, int port) {
		this.data = data.toAbsolutePath();
		this.port = port;
		Path folder = this.data.getParent();
		this.socketFolder = folder.resolve(this.data.getFileName() + "-socket");
		this.commandLog = folder.resolve(this.data.getFileName() + "-commands.log");
		this.serverLog = folder.resolve(this.data.getFileName() + "-server.log");
		this.bin = binaries();
		this.asSystemUser = runningAsRoot();
	}

	/** Creates the cluster when the data folder is empty, then starts the server and waits until it accepts connections. */
	PostgresServer start() {
		if (isRunning()) {
			return this;
		}
		try {
			Files.createDirectories(data);
			Files.createDirectories(socketFolder);
			if (!Files.exists(serverLog)) {
				Files.createFile(serverLog);
			}
			if (asSystemUser) {
				giveToSystemUser(data);
				giveToSystemUser(socketFolder);
				giveToSystemUser(serverLog);
			}
			Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare " + data + " for PostgreSQL", ex);
		}
		if (!shutdownHookAdded) {
			// A JVM that ends without close() (a failsafe timeout, ^C) still stops the server.
			Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop PostgreSQL on port " + port));
			shutdownHookAdded = true;
		}
		if (isEmpty(data)) {
			run(INITDB_TIMEOUT, "initdb", "-D", data.toString(), "-U", SYSTEM_USER, "--auth=trust", "--encoding=UTF8",
					"--no-locale", "--no-sync");
		}
		else if (!Files.exists(data.resolve("PG_VERSION"))) {
			throw new IllegalStateException(data + " is neither empty nor a PostgreSQL data folder");
		}
		run(PG_CTL_TIMEOUT, "pg_ctl", "-D", data.toString(), "-l", serverLog.toString(), "-w", "-t",
				Integer.toString(PG_CTL_WAIT_SECONDS), "start", "-o",
				"-p " + port + " -k " + quoted(socketFolder) + " -c listen_addresses=127.0.0.1");
		return this;
	}

	/** A fast shutdown (sessions ended, a checkpoint); the data stays for the next {@link #start()}. */
	void stop() {
		if (!isRunning()) {
			return;
		}
		run(PG_CTL_TIMEOUT, "pg_ctl", "-D", data.toString(), "-w", "-t", Integer.toString(PG_CTL_WAIT_SECONDS), "-m",
				"fast", "stop");
	}

	/** Whether the postmaster named in the data folder's postmaster.pid is alive. */
	boolean isRunning() {
		return postmaster().map(ProcessHandle::isAlive).orElse(false);
	}

	/** Stops the server if it runs; kills it when pg_ctl cannot. Never throws. */
	@Override
	public void close() {
		try {
			stop();
		}
		catch (RuntimeException ex) {
			log("stop failed, killing the postmaster: " + ex);
		}
		finally {
			if (isRunning()) {
				kill();
			}
		}
	}

	@Override
	public String toString() {
		return "PostgreSQL (" + bin + ") on 127.0.0.1:" + port + ", data " + data;
	}

	private void kill() {
		postmaster().ifPresent(postmaster -> {
			List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
			processes.add(0, postmaster);
			processes.forEach(ProcessHandle::destroyForcibly);
			for (ProcessHandle process : processes) {
				try {
					process.onExit().get(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (Exception ex) {
					log("pid " + process.pid() + " did not exit after SIGKILL: " + ex);
				}
			}
			log("killed the postmaster " + postmaster.pid() + " and its children");
		});
	}

	private Optional<ProcessHandle> postmaster() {
		Path pidFile = data.resolve("postmaster.pid");
		try {
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.isEmpty() || lines.get(0).isBlank()) {
				return Optional.empty();
			}
			// a stale file's pid may by now be another program's: only a postgres process counts
			return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
				.filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(true));
		}
		catch (IOException | NumberFormatException ex) {
			// pg_ctl is writing or removing it: not running as far as we can tell
			return Optional.empty();
		}
	}

	/** Runs one of PostgreSQL's programs (as the system user postgres when we are root) and checks its exit code. */
	private void run(Duration timeout, String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (asSystemUser) {
			command.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
		}
		command.add(bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		log("$ " + String.join(" ", command));
		Process process;
		try {
			process = new ProcessBuilder(command).directory(data.getParent().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(commandLog.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + command, ex);
		}
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw new IllegalStateException(program + " did not finish in " + timeout + ": " + command + "; see "
						+ commandLog + " and " + serverLog);
			}
		}
		catch (InterruptedException ex) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + command, ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(program + " exited with " + process.exitValue() + ": " + command + "; see "
					+ commandLog + " and " + serverLog);
		}
	}

	private void log(String line) {
		try {
			Files.createDirectories(commandLog.getParent());
			Files.writeString(commandLog, line + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			// only the diagnosis is lost
		}
	}

	/** Owner and group postgres, everything below too (files left by an earlier run included). */
	private static void giveToSystemUser(Path path) throws IOException {
		UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
		UserPrincipal user;
		GroupPrincipal group;
		try {
			user = users.lookupPrincipalByName(SYSTEM_USER);
			group = users.lookupPrincipalByGroupName(SYSTEM_USER);
		}
		catch (UserPrincipalNotFoundException ex) {
			throw new IllegalStateException("PostgreSQL refuses to run as root, and there is no system user "
					+ SYSTEM_USER + " to run it as: " + PACKAGE_HINT, ex);
		}
		try (Stream<Path> all = Files.walk(path)) {
			for (Path each : all.toList()) {
				PosixFileAttributeView attributes = Files.getFileAttributeView(each, PosixFileAttributeView.class);
				attributes.setOwner(user);
				attributes.setGroup(group);
			}
		}
	}

	/** The newest /usr/lib/postgresql/VERSION/bin, else pg_config --bindir, as long as it has initdb and pg_ctl. */
	private static Path binaries() {
		List<Path> candidates = new ArrayList<>();
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				versions.filter(v -> v.getFileName().toString().matches("[0-9]+(\\.[0-9]+)?"))
					.sorted(Comparator.comparingDouble((Path v) -> Double.parseDouble(v.getFileName().toString()))
						.reversed())
					.map(v -> v.resolve("bin"))
					.forEach(candidates::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return candidates.stream()
			.filter(PostgresServer::hasServerPrograms)
			.findFirst()
			.or(() -> pgConfigBindir().filter(PostgresServer::hasServerPrograms))
			.orElseThrow(() -> new IllegalStateException(
					"No PostgreSQL server found (initdb and pg_ctl in /usr/lib/postgresql/*/bin or pg_config --bindir): "
							+ PACKAGE_HINT));
	}

	private static boolean hasServerPrograms(Path bin) {
		return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
	}

	private static Optional<Path> pgConfigBindir() {
		try {
			Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return Optional.empty();
			}
			// one short line: it fits the pipe, so reading after the exit is safe
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return process.exitValue() == 0 && !output.isEmpty() ? Optional.of(Path.of(output)) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private static boolean runningAsRoot() {
		try {
			// /proc/self belongs to this process's user
			return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	private static boolean isEmpty(Path folder) {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** For pg_ctl's -o, which goes through a shell. */
	private static String quoted(Path path) {
		return "'" + path.toString().replace("'", "'\\''") + "'";
	}

}
