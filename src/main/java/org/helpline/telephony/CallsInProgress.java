package org.helpline.telephony;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.helpline.callflow.Call;

import org.springframework.stereotype.Component;

/**
 * Calls between their first FastAGI session and their hangup handler, by Asterisk unique id.
 * Entries of calls whose end never reached us (a lost hangup handler) expire, so neither
 * memory nor a caller's number lingers.
 */
@Component
class CallsInProgress {

	private final Cache<String, Call> calls;

	/**
	 * Calls whose end was told here lately: the dialplan may tell it twice (the caller hung up
	 * while it was being told), and the second must not write a second record.
	 */
	private final Cache<String, Boolean> ended;

	/** Bounded, so that no flood of requests can hold the heap. */
	CallsInProgress(AgiProperties properties) {
		this.calls = Caffeine.newBuilder()
			.maximumSize(properties.maxCallsInMemory())
			.expireAfterWrite(properties.callExpiry())
			.executor(Runnable::run)
			.build();
		this.ended = Caffeine.newBuilder()
			.maximumSize(properties.maxCallsInMemory())
			.expireAfterWrite(Duration.ofMinutes(10))
			.executor(Runnable::run)
			.build();
	}

	/** The call this node holds, or the one {@code started} makes, now held. */
	Call getOrStart(String callId, Supplier<Call> started) {
		return calls.get(callId, id -> started.get());
	}

	Optional<Call> get(String callId) {
		return Optional.ofNullable(callId == null ? null : calls.getIfPresent(callId));
	}

	long size() {
		calls.cleanUp();
		return calls.estimatedSize();
	}

	/** Forgets the call; from now on (for a while) {@link #hasEnded} says so. */
	Optional<Call> end(String callId) {
		if (callId == null) {
			return Optional.empty();
		}
		ended.put(callId, Boolean.TRUE);
		return Optional.ofNullable(calls.asMap().remove(callId));
	}

	boolean hasEnded(String callId) {
		return callId != null && ended.getIfPresent(callId) != null;
	}

}
