package org.helpline.security;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in page sessions of this instance, and the live streams each one holds open.
 * When an administrator revokes an account, its sessions end at their next request (the
 * pages' concurrency filter sees them expired) and its streams end at once.
 */
@Component
public class PageSessions {

	private static final Logger log = LoggerFactory.getLogger(PageSessions.class);

	private final SessionRegistry registry;

	private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

	PageSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/** The stream ends when the session of the request that opened it ends. */
	public SseEmitter endingWithSession(HttpServletRequest request, SseEmitter stream) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			stream.complete();
			return stream;
		}
		String id = session.getId();
		streams.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(stream);
		Runnable forget = () -> streams.computeIfPresent(id, (key, open) -> open.remove(stream) && open.isEmpty() ? null : open);
		stream.onCompletion(forget);
		stream.onTimeout(forget);
		stream.onError(error -> forget.run());
		return stream;
	}

	/** After the change is committed: a change rolled back revokes nothing. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountRevoked revoked) {
		int ended = 0;
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof UserDetails user && user.getUsername().equals(revoked.username())) {
				for (SessionInformation session : registry.getAllSessions(principal, false)) {
					session.expireNow();
					endStreams(session.getSessionId());
					ended++;
				}
			}
		}
		if (ended > 0) {
			log.info("Ended {} page session(s) of account '{}'", ended, revoked.username());
		}
	}

	/** Logout or time-out. */
	@EventListener
	void on(SessionDestroyedEvent destroyed) {
		endStreams(destroyed.getId());
	}

	private void endStreams(String sessionId) {
		Set<SseEmitter> open = streams.remove(sessionId);
		if (open != null) {
			open.forEach(SseEmitter::complete);
		}
	}

}
