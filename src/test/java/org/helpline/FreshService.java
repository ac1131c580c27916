package org.helpline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as the README's first command starts it: the shipped settings and its embedded
 * database, in a folder of its own under {@code target/}, on a free HTTP port, without FastAGI
 * and AMI (no Asterisk here). Started again on the same folder, it is a restart.
 */
public final class FreshService implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ConfigurableApplicationContext context;

	private FreshService(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** A folder no start has used yet: an empty database. */
	public static Path newFolder(String name) {
		return Path.of("target", "fresh-service", name + "-" + System.nanoTime()).toAbsolutePath();
	}

	public static FreshService start(Path folder, String... moreArguments) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--helpline.agi.enabled=false",
				"--helpline.ami.enabled=false", "--helpline.data-folder=" + folder,
				"--helpline.privacy.key-folder=" + folder.resolve("keys"),
				"--helpline.prompts.audio-folder=" + folder.resolve("prompts"), "--spring.main.banner-mode=off"));
		arguments.addAll(List.of(moreArguments));
		return new FreshService(new SpringApplication(HelplineApplication.class).run(arguments.toArray(String[]::new)));
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

	public int port() {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** GET as the local first administrator; the status and the body. */
	public HttpResponse<String> get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + pathAndQuery))
			.header("Authorization", basic("operator", "local-dev-only"))
			.GET()
			.build());
	}

	public static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		context.close();
	}

}
