package org.helpline.telephony;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.helpline.contact.CallOutcome;
import org.helpline.routing.CallQueue;
import org.helpline.routing.DeviceState;
import org.helpline.routing.Presence;

import org.springframework.stereotype.Component;

/** Translates what AMI reports about phones and channels into the routing domain's terms. */
@Component
class AsteriskEvents {

	private static final String PJSIP = "PJSIP/";

	private final Presence presence;

	private final CallQueue queue;

	private final CallsInProgress calls;

	AsteriskEvents(Presence presence, CallQueue queue, CallsInProgress calls) {
		this.presence = presence;
		this.queue = queue;
		this.calls = calls;
	}

	/** A DeviceStateChange; devices other than PJSIP endpoints (queues, custom states) are ignored. */
	void deviceState(String device, String state) {
		if (device == null || !device.startsWith(PJSIP)) {
			return;
		}
		String endpoint = device.substring(PJSIP.length());
		switch (deviceState(state)) {
			case IDLE -> presence.deviceIdle(endpoint);
			case BUSY -> presence.deviceBusy(endpoint);
			case UNREACHABLE, UNKNOWN -> presence.deviceUnreachable(endpoint);
		}
	}

	/** Every endpoint's state after a (re)connect, as PJSIPShowEndpoints lists them. */
	void snapshot(Map<String, String> endpointStates) {
		Map<String, DeviceState> states = new HashMap<>();
		endpointStates.forEach((endpoint, state) -> states.put(endpoint, deviceState(state)));
		presence.deviceSnapshot(states);
	}

	/** A channel hung up: if it was a waiting caller, their place is given up at once. */
	void channelGone(String uniqueId) {
		if (uniqueId != null) {
			calls.get(uniqueId).ifPresent(call -> call.endAs(CallOutcome.ABANDONED_WAITING));
			queue.leave(uniqueId);
		}
	}

	void connectionLost() {
		// Nothing is trusted from before the gap: the snapshot after the reconnect decides.
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
