package org.helpline.telephony;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Calls between their first FastAGI session and their hangup handler, by Asterisk unique id.
 * Entries of calls whose end never reached us (a lost hangup handler) expire, so neither
 * memory nor a caller's number lingers.
 */
@Component
class CallsInProgress {

	private final Cache<String, CallInProgress> calls = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofHours(12))
		.build();

	void start(String callId, CallInProgress call) {
		calls.put(callId, call);
	}

	Optional<CallInProgress> get(String callId) {
		return Optional.ofNullable(callId == null ? null : calls.getIfPresent(callId));
	}

	Optional<CallInProgress> end(String callId) {
		return Optional.ofNullable(callId == null ? null : calls.asMap().remove(callId));
	}

}
