package org.helpline.routing;

import java.time.Duration;
import java.time.Instant;

import org.helpline.counsellors.Presence;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Whether anyone can take a call at all: a counsellor free, being rung, on a call or in
 * wrap-up, on any node (presence is shared). Signed out or paused counsellors are nobody. Every
 * waiting caller asks, so one reading serves for a second (or until a state changes here). Not
 * thread-safe: the queue asks under its lock.
 */
final class OnDuty {

	private static final Duration FRESH = Duration.ofSeconds(1);

	private final Presence presence;

	private @Nullable Instant readAt;

	private boolean anyone;

	OnDuty(Presence presence) {
		this.presence = presence;
	}

	/** With the database away: yes, so callers wait as they would with someone on duty. */
	boolean anyone(Instant now) {
		if (readAt == null || !now.isBefore(readAt.plus(FRESH)) || now.isBefore(readAt)) {
			try {
				anyone = presence.anyoneOnDuty();
			}
			catch (DataAccessException | TransactionException ex) {
				anyone = true;
			}
			readAt = now;
		}
		return anyone;
	}

	void forget() {
		readAt = null;
	}

}
