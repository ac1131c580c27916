package org.helpline.telephony;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One AMI connection for the service's lifetime. Asterisk-Java reconnects by itself only after
 * a first successful login, so the first login is retried here with back-off; every
 * (re)connect re-reads the phones' states rather than trusting what was known before the gap.
 * Events are handed to our own thread at once: a slow listener on Asterisk-Java's reader
 * thread would stall action responses and make its queue drop events.
 */
@Component
@ConditionalOnBooleanProperty(name = "helpline.ami.enabled", matchIfMissing = true)
class AmiConnection implements SmartLifecycle, ManagerEventListener {

	private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);

	private final AmiProperties properties;

	private final AsteriskEvents translator;

	private final AtomicLong connections;

	private volatile boolean missedEvents;

	private final ExecutorService events = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("ami-events").factory());

	private volatile @Nullable ManagerConnection connection;

	// Touched only on the events thread.
	private boolean loggedIn;

	private boolean booted;

	private volatile @Nullable Thread keeper;

	AmiConnection(AmiProperties properties, AsteriskEvents translator, MeterRegistry meters) {
		this.properties = properties;
		this.translator = translator;
		this.connections = meters.gauge("helpline.ami.connections", new AtomicLong());
		// helpline.ami.connections counts logins; this says whether the link is up now.
		Gauge.builder("helpline.ami.connected", this, ami -> ami.isConnected() ? 1 : 0)
			.description("1 while the manager connection to Asterisk is up, else 0")
			.register(meters);
	}

	@Override
	public void start() {
		ManagerConnection created = connection(properties);
		created.setSocketReadTimeout((int) properties.pingInterval().multipliedBy(3).toMillis());
		created.addEventListener(this);
		connection = created;
		translator.readUnknownPhonesWith(this::readPhone);
		keeper = Thread.ofVirtual().name("ami-keeper").start(this::keepConnected);
	}

	/** A connection not yet logged in; over TLS when {@code helpline.ami.tls} is set. */
	static ManagerConnection connection(AmiProperties properties) {
		ManagerConnectionFactory factory = new ManagerConnectionFactory(properties.host(), properties.port(),
				properties.username(), properties.secret());
		return properties.tls() ? factory.createSecureManagerConnection() : factory.createManagerConnection();
	}

	/** Logs in (retrying with back-off), then pings so that a dead link is noticed. */
	private void keepConnected() {
		Duration delay = Duration.ofSeconds(1);
		while (connection != null) {
			ManagerConnection current = connection;
			try {
				if (current.getState() == ManagerConnectionState.INITIAL
						|| current.getState() == ManagerConnectionState.DISCONNECTED) {
					// Its ConnectEvent and Asterisk's FullyBooted (also after every automatic reconnect)
					// trigger the re-read.
					current.login();
					log.info("AMI connected to {}:{}", properties.host(), properties.port());
					delay = Duration.ofSeconds(1);
				}
				else if (current.getState() == ManagerConnectionState.CONNECTED) {
					current.sendAction(new PingAction(), 5_000);
					rereadAfterMissedEvents();
				}
				Thread.sleep(current.getState() == ManagerConnectionState.CONNECTED ? properties.pingInterval() : delay);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (Exception ex) {
				log.warn("AMI {}:{} not reachable ({}); trying again in {} s", properties.host(), properties.port(),
						ex.getClass().getSimpleName(), delay.toSeconds());
				sleep(delay);
				delay = min(delay.multipliedBy(2), properties.maxRetryDelay());
			}
		}
	}

	@Override
	public void onManagerEvent(ManagerEvent event) {
		events.execute(() -> handle(event));
	}

	private void handle(ManagerEvent event) {
		try {
			switch (event) {
				case ConnectEvent connected -> {
					connections.incrementAndGet();
					loggedIn = true;
					resynchroniseOnceReady();
				}
				case FullyBootedEvent fullyBooted -> {
					booted = true;
					resynchroniseOnceReady();
				}
				case DisconnectEvent disconnected -> {
					loggedIn = false;
					booted = false;
					// Nothing is trusted from before the gap: the snapshot after the reconnect decides.
					log.warn("AMI connection lost; Asterisk-Java reconnects");
				}
				case DeviceStateChangeEvent device -> translator.deviceState(device.getDevice(), device.getState());
				// A caller's BYE arrives as a hangup request; the channel itself is only destroyed
				// once its FastAGI session ends, which for a waiting caller is too late.
				case HangupRequestEvent request -> translator.channelGone(request.getUniqueId());
				case SoftHangupRequestEvent request -> translator.channelGone(request.getUniqueId());
				case HangupEvent hangup -> translator.channelGone(hangup.getUniqueId());
				default -> {
				}
			}
		}
		catch (RuntimeException ex) {
			// Never the event itself: it carries the caller's number.
			log.error("Handling AMI {} failed: {}", event.getClass().getSimpleName(), ex.getClass().getSimpleName());
			missedEvents = true;
		}
	}

	/**
	 * An event we could not act on (the database was away) leaves our books behind the phones,
	 * and Asterisk does not repeat it: the phones are read again at the next ping, until that works.
	 */
	private void rereadAfterMissedEvents() {
		if (missedEvents && loggedIn && booted) {
			missedEvents = false;
			events.execute(() -> {
				if (!resynchronise()) {
					missedEvents = true;
				}
			});
		}
	}

	/**
	 * Asterisk takes logins before its modules are loaded, and a phone read then is missing or
	 * "Unavailable". It says FullyBooted to each session once it is ready, at once after the
	 * login if it already is, which can be before Asterisk-Java has finished logging in. So the
	 * phones are read when both have happened, in either order.
	 */
	private void resynchroniseOnceReady() {
		if (loggedIn && booted) {
			resynchronise();
		}
	}

	/**
	 * Reads every counsellor phone's current state; anything learned before a gap is not
	 * trusted. Asked per phone with {@code Getvar DEVICE_STATE(PJSIP/…)} (write class
	 * reporting) rather than listed with PJSIPShowEndpoints, which needs the system class, and
	 * with it GetConfig: the phones' digest passwords.
	 */
	private boolean resynchronise() {
		try {
			Map<String, String> states = new HashMap<>();
			for (String endpoint : translator.phones()) {
				states.put(endpoint, deviceState(endpoint));
			}
			translator.snapshot(states);
			log.info("AMI: re-read the state of {} endpoints: {}", states.size(), new TreeMap<>(states));
			return true;
		}
		catch (Exception ex) {
			log.warn("AMI: could not re-read endpoint states ({})", ex.getClass().getSimpleName());
			return false;
		}
	}

	/**
	 * A phone first seen when its counsellor signs in (added after the last re-read): read it
	 * now, on the events thread like every other AMI exchange.
	 */
	private void readPhone(String endpoint) {
		events.execute(() -> {
			if (!loggedIn || !booted || translator.knowsPhone(endpoint)) {
				return;
			}
			try {
				translator.deviceState(AsteriskEvents.PJSIP + endpoint, deviceState(endpoint));
			}
			catch (Exception ex) {
				log.warn("AMI: could not read the state of endpoint {} ({})", endpoint, ex.getClass().getSimpleName());
			}
		});
	}

	private String deviceState(String endpoint) throws Exception {
		ManagerConnection current = connection;
		if (current == null) {
			throw new IllegalStateException("not connected to AMI");
		}
		ManagerResponse response = current.sendAction(new GetVarAction("DEVICE_STATE(PJSIP/" + endpoint + ")"),
				5_000);
		if (!(response instanceof GetVarResponse state) || !"Success".equals(response.getResponse())) {
			throw new IllegalStateException("Getvar answered " + response.getResponse());
		}
		return state.getValue();
	}

	@Override
	public void stop() {
		translator.readUnknownPhonesWith(null);
		ManagerConnection current = connection;
		connection = null;
		if (keeper != null) {
			keeper.interrupt();
		}
		if (current != null && current.getState() == ManagerConnectionState.CONNECTED) {
			current.logoff();
		}
		events.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return connection != null;
	}

	boolean isConnected() {
		ManagerConnection current = connection;
		return current != null && current.getState() == ManagerConnectionState.CONNECTED;
	}

	String address() {
		return properties.host() + ":" + properties.port();
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
