package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * One node of the service as operators run it: the built jar in a process of its own (so a
 * test can kill -9 or freeze it), on a shared PostgreSQL server, watching the sandbox's
 * Asterisk. Stopped by pid after the test, pass or fail.
 */
final class ServiceNode implements AutoCloseable {

	private static final String OPERATOR = "Basic "
			+ Base64.getEncoder().encodeToString("operator:local-dev-only".getBytes(StandardCharsets.UTF_8));

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final String name;

	final int httpPort;

	final int agiPort;

	private final String jdbcUrl;

	private final Path folder;

	private Process process;

	private boolean frozen;

	ServiceNode(String name, int httpPort, int agiPort, String jdbcUrl) {
		this.name = name;
		this.httpPort = httpPort;
		this.agiPort = agiPort;
		this.jdbcUrl = jdbcUrl;
		this.folder = Path.of("target/nodes").toAbsolutePath().resolve(name);
	}

	/** Starts the process and returns once it answers health with Asterisk's manager connected. */
	ServiceNode start() {
		try {
			Files.createDirectories(folder);
			Path keys = folder.getParent().resolve("keys");
			Files.createDirectories(keys);
			process = new ProcessBuilder(List.of(java(), "-jar", jar(), "--server.port=" + httpPort,
					"--server.address=127.0.0.1", "--spring.profiles.active=postgres", "--helpline.agi.port=" + agiPort,
					"--spring.datasource.url=" + jdbcUrl,
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--helpline.security.accept-local-defaults=true", "--helpline.demo.seed=false",
					"--helpline.ami.enabled=true", "--helpline.ami.max-retry-delay=2s", "--helpline.data-folder=" + folder,
					"--helpline.privacy.key-folder=" + keys, "--helpline.prompts.audio-folder="
							+ AsteriskSandbox.root().resolve("usr/share/asterisk/sounds/helpline-live")))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("service.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long started = System.nanoTime();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited; see " + folder.resolve("service.log"));
			}
			return get("/actuator/health/asteriskManager").contains("\"UP\"");
		});
		System.out.println("measured: " + name + " ready in " + Duration.ofNanos(System.nanoTime() - started));
		return this;
	}

	void kill() {
		process.destroyForcibly();
		waitForExit();
	}

	void freeze() {
		signal("STOP");
		frozen = true;
	}

	void thaw() {
		signal("CONT");
		frozen = false;
	}

	boolean isAlive() {
		return process != null && process.isAlive();
	}

	String get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	String post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	String put(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private String send(HttpRequest.Builder request) {
		try {
			return HTTP
				.send(request.header("Authorization", OPERATOR)
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + httpPort + path);
	}

	private void signal(String signal) {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void waitForExit() {
		try {
			process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			if (frozen) {
				thaw();
			}
			kill();
		}
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static String jar() {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.map(Path::toString)
				.filter(f -> f.matches(".*/helpline-[^/]*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/helpline-*.jar: run mvn verify (package)"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
