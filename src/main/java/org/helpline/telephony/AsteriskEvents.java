package org.helpline.telephony;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.helpline.callflow.CallerLeft;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.CounsellorStateChanged;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.DeviceState;
import org.helpline.counsellors.Presence;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Translates what AMI reports about phones and channels into the routing domain's terms, and
 * remembers the last state of every phone: Asterisk only reports changes, so a counsellor who
 * signs in on a phone that was already unreachable is told so here.
 */
@Component
class AsteriskEvents {

	private final Map<String, DeviceState> lastKnown = new ConcurrentHashMap<>();

	private final ExecutorService retell = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

	/**
	 * What a phone's state was last heard as, and telling it, happen as one: a retold BUSY must
	 * never land after the IDLE that followed it (after a node thaws, AMI's events arrive in a
	 * burst), or the counsellor stays paused for a phone that is free.
	 */
	private final Object phones = new Object();

	private final Counsellors counsellors;

	private volatile @Nullable Consumer<String> unknownPhoneReader;

	static final String PJSIP = "PJSIP/";

	private final Presence presence;

	private final ApplicationEventPublisher events;

	private final CallsInProgress calls;

	AsteriskEvents(Presence presence, ApplicationEventPublisher events, CallsInProgress calls,
			Counsellors counsellors) {
		this.counsellors = counsellors;
		this.presence = presence;
		this.events = events;
		this.calls = calls;
	}

	/** A DeviceStateChange; devices other than PJSIP endpoints (queues, custom states) are ignored. */
	void deviceState(String device, String state) {
		if (device == null || !device.startsWith(PJSIP)) {
			return;
		}
		String endpoint = device.substring(PJSIP.length());
		synchronized (phones) {
			lastKnown.put(endpoint, deviceState(state));
			tell(endpoint, deviceState(state));
		}
	}

	private void tell(String endpoint, DeviceState state) {
		switch (state) {
			case IDLE -> presence.deviceIdle(endpoint);
			case BUSY -> presence.deviceBusy(endpoint);
			case UNREACHABLE, UNKNOWN -> presence.deviceUnreachable(endpoint);
		}
	}

	/** Whether this phone's state has been read or heard since the last re-read. */
	boolean knowsPhone(String endpoint) {
		return lastKnown.containsKey(endpoint);
	}

	/**
	 * Who reads a phone the service has no state of (AMI, once connected): a counsellor who signs
	 * in on a phone added after the last re-read is paused at once when it is unreachable.
	 */
	void readUnknownPhonesWith(@Nullable Consumer<String> reader) {
		this.unknownPhoneReader = reader;
	}

	/** The phones (PJSIP endpoints) of every counsellor, whose states the service follows. */
	java.util.Set<String> phones() {
		return counsellors.all().stream()
			.map(counsellor -> counsellor.endpoint())
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
	}

	/** Every counsellor phone's state after a (re)connect. */
	void snapshot(Map<String, String> endpointStates) {
		Map<String, DeviceState> states = new HashMap<>();
		endpointStates.forEach((endpoint, state) -> states.put(endpoint, deviceState(state)));
		synchronized (phones) {
			lastKnown.clear();
			lastKnown.putAll(states);
			presence.deviceSnapshot(states);
		}
	}

	/**
	 * A counsellor became available: if their phone is known to be busy or gone, say so now; if
	 * its state was never read, have it read.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void counsellorAvailable(CounsellorStateChanged changed) {
		Consumer<String> reader = unknownPhoneReader;
		if (changed.state() != CounsellorState.AVAILABLE || (lastKnown.isEmpty() && reader == null)) {
			return;
		}
		retell.execute(() -> {
			String endpoint = counsellors.get(changed.counsellorId()).endpoint();
			if (endpoint == null) {
				return;
			}
			synchronized (phones) {
				DeviceState known = lastKnown.get(endpoint);
				if (known == null && reader != null) {
					reader.accept(endpoint);
				}
				else if (known == DeviceState.UNREACHABLE || known == DeviceState.BUSY) {
					tell(endpoint, known);
				}
			}
		});
	}

	/** A channel hung up: if it was a waiting caller, their place is given up at once. */
	void channelGone(String uniqueId) {
		if (uniqueId != null) {
			calls.get(uniqueId).ifPresent(call -> call.leftWhileWaiting());
			events.publishEvent(new CallerLeft(uniqueId));
		}
	}

	/** Both spellings Asterisk uses: "NOT_INUSE" in events, "Not in use" in endpoint lists. */
	static DeviceState deviceState(String state) {
		String normalised = state == null ? "" : state.toUpperCase(Locale.ROOT).replaceAll("[ _]", "");
		return switch (normalised) {
			case "NOTINUSE" -> DeviceState.IDLE;
			case "INUSE", "BUSY", "RINGING", "RINGINUSE", "ONHOLD" -> DeviceState.BUSY;
			case "UNAVAILABLE", "INVALID" -> DeviceState.UNREACHABLE;
			default -> DeviceState.UNKNOWN;
		};
	}

}
