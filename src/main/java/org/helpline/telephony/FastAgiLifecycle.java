package org.helpline.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
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

	private volatile HelplineAgiServer server;

	private volatile Thread acceptLoop;

	FastAgiLifecycle(AgiProperties properties, IncomingCallScript incoming, MeterRegistry meters) {
		this.properties = properties;
		this.scripts = Map.of(IncomingCallScript.NAME, new TimedAgiScript(IncomingCallScript.NAME, incoming, meters));
	}

	@Override
	public void start() {
		SimpleMappingStrategy mapping = new SimpleMappingStrategy();
		mapping.setMappings(scripts);
		try {
			server = new HelplineAgiServer(mapping, InetAddress.getByName(properties.bindAddress()),
					properties.port(), properties.maxConcurrentCalls(),
					(int) properties.socketReadTimeout().toMillis());
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
		log.info("FastAGI listening on {}:{} (scripts: {})", properties.bindAddress(), properties.port(),
				scripts.keySet());
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
		return properties.bindAddress() + ":" + properties.port();
	}

}
