package org.helpline.system;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells systemd that the service is ready and, while its JVM runs and is live, that it is
 * alive: helpline.service's {@code WatchdogSec} then restarts a JVM that is frozen (stopped,
 * stuck in garbage collection, starved) instead of leaving callers on a node that accepts
 * connections and answers nothing. Java cannot send the unix datagram to
 * {@code $NOTIFY_SOCKET}, so {@code systemd-notify} does (hence {@code NotifyAccess=all}).
 * Does nothing unless systemd started the service with {@code NOTIFY_SOCKET}.
 */
@Component
class SystemdWatchdog {

	private static final Logger log = LoggerFactory.getLogger(SystemdWatchdog.class);

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationAvailability availability;

	private final Map<String, String> environment;

	private final String command;

	private @Nullable ScheduledExecutorService pinger;

	@Autowired
	SystemdWatchdog(ApplicationAvailability availability) {
		this(availability, System.getenv(), "systemd-notify");
	}

	SystemdWatchdog(ApplicationAvailability availability, Map<String, String> environment, String command) {
		this.availability = availability;
		this.environment = environment;
		this.command = command;
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void ready() {
		if (environment.get("NOTIFY_SOCKET") == null || pinger != null) {
			return;
		}
		notify("READY=1");
		Duration interval = pingInterval();
		if (interval == null) {
			return;
		}
		pinger = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("systemd-watchdog").factory());
		pinger.scheduleWithFixedDelay(this::ping, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
		log.info("systemd watchdog: a ping every {} ms", interval.toMillis());
	}

	@EventListener(ContextClosedEvent.class)
	synchronized void stopping() {
		if (pinger != null) {
			pinger.shutdownNow();
			pinger = null;
			notify("STOPPING=1");
		}
	}

	/** A third of systemd's timeout: two pings may be late before systemd gives up. */
	private @Nullable Duration pingInterval() {
		String usec = environment.get("WATCHDOG_USEC");
		String pid = environment.get("WATCHDOG_PID");
		if (usec == null || (pid != null && !pid.equals(Long.toString(ProcessHandle.current().pid())))) {
			return null;
		}
		try {
			return Duration.ofNanos(Math.max(Long.parseLong(usec) * 1000 / 3, 1_000_000));
		}
		catch (NumberFormatException ex) {
			log.warn("systemd watchdog off: WATCHDOG_USEC is not a number");
			return null;
		}
	}

	// A broken liveness state (Spring's own signal of an unrecoverable state) ends the pings too.
	private void ping() {
		if (availability.getLivenessState() == LivenessState.CORRECT) {
			notify("WATCHDOG=1");
		}
	}

	private void notify(String message) {
		try {
			Process process = new ProcessBuilder(List.of(command, message)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				log.warn("{} {} did not finish in {}", command, message, COMMAND_TIMEOUT);
			}
			else if (process.exitValue() != 0) {
				log.warn("{} {} exited with {}", command, message, process.exitValue());
			}
		}
		catch (IOException ex) {
			log.warn("cannot run {}: {}", command, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
