package org.helpline.telephony;

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

	private final Cache<String, CallInProgress> calls;

	/** Bounded, so that no flood of requests can hold the heap. */
	CallsInProgress(AgiProperties properties) {
		this.calls = Caffeine.newBuilder()
			.maximumSize(properties.maxCallsInMemory())
			.expireAfterWrite(properties.callExpiry())
			.executor(Runnable::run)
			.build();
	}

	void start(String callId, CallInProgress call) {
		calls.put(callId, call);
	}

	Optional<CallInProgress> get(String callId) {
		return Optional.ofNullable(callId == null ? null : calls.getIfPresent(callId));
	}

	long size() {
		calls.cleanUp();
		return calls.estimatedSize();
	}

	Optional<CallInProgress> end(String callId) {
		return Optional.ofNullable(callId == null ? null : calls.asMap().remove(callId));
	}

}
