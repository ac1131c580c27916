package org.helpline.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * Runs the FastAGI server for as long as the application runs. Scripts are mapped by name
 * only: a request for any other script is refused, never resolved to a class on the
 * classpath.
 */
@Component
@ConditionalOnBooleanProperty(name = "helpline.agi.enabled", matchIfMissing = true)
class FastAgiLifecycle implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FastAgiLifecycle.class);

	private final AgiProperties properties;

	private final Map<String, AgiScript> scripts;

	private volatile @Nullable HelplineAgiServer server;

	private volatile @Nullable Thread acceptLoop;

	private volatile int port;

	private final ConfigurableEnvironment environment;

	FastAgiLifecycle(AgiProperties properties, IncomingCallScript incoming, QueueScript queue,
			AnsweredScript answered, EndedScript ended, FeatureCodeScript feature, MeterRegistry meters,
			ConfigurableEnvironment environment) {
		this.properties = properties;
		this.environment = environment;
		AsteriskSecret secret = new AsteriskSecret(properties.secret());
		Semaphore calls = new Semaphore(properties.maxConcurrentCalls());
		// A call's end always runs: it is short, and it carries the call's one record.
		this.scripts = Map.of(IncomingCallScript.NAME, new TimedAgiScript(IncomingCallScript.NAME, incoming, secret,
				meters, calls), QueueScript.NAME, new TimedAgiScript(QueueScript.NAME, queue, secret, meters, calls),
				AnsweredScript.NAME, new TimedAgiScript(AnsweredScript.NAME, answered, secret, meters, calls),
				EndedScript.NAME, new TimedAgiScript(EndedScript.NAME, ended, secret, meters, null),
				FeatureCodeScript.NAME, new TimedAgiScript(FeatureCodeScript.NAME, feature, secret, meters, calls));
		// Health is not scraped: this is what an alert sees of the health indicator's "down".
		Gauge.builder("helpline.agi.accepting", this, agi -> agi.isAccepting() ? 1 : 0)
			.description("1 while the FastAGI server accepts Asterisk's connections, else 0")
			.register(meters);
	}

	@Override
	public void start() {
		SimpleMappingStrategy mapping = new SimpleMappingStrategy();
		mapping.setMappings(scripts);
		try {
			if (port == 0) {
				// Chosen once: after a stop and start, Asterisk still knows where to call.
				port = properties.port() == 0 ? freePort() : properties.port();
			}
			server = new HelplineAgiServer(mapping, InetAddress.getByName(properties.bindAddress()), port, properties);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen for FastAGI on " + properties.bindAddress() + ":"
					+ properties.port(), ex);
		}
		HelplineAgiServer running = server;
		acceptLoop = Thread.ofPlatform().name("fastagi-accept").daemon().start(() -> {
			try {
				running.startup();
			}
			catch (IOException | IllegalStateException ex) {
				log.error("FastAGI server stopped unexpectedly", ex);
			}
		});
		environment.getPropertySources()
			.addFirst(new MapPropertySource("local.agi", Map.of("local.agi.port", port)));
		log.info("FastAGI listening on {}:{} (scripts: {})", properties.bindAddress(), port, scripts.keySet());
	}

	/** Port 0 asks for any free port, like server.port=0; it is published as local.agi.port. */
	private int freePort() throws IOException {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(properties.bindAddress()))) {
			return probe.getLocalPort();
		}
	}

	@Override
	public void stop() {
		HelplineAgiServer running = server;
		server = null;
		if (running != null) {
			running.close();
		}
		if (acceptLoop != null) {
			try {
				acceptLoop.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		log.info("FastAGI server stopped");
	}

	@Override
	public boolean isRunning() {
		return server != null;
	}

	boolean isAccepting() {
		Thread loop = acceptLoop;
		return server != null && loop != null && loop.isAlive();
	}

	String address() {
		return properties.bindAddress() + ":" + port;
	}

}
