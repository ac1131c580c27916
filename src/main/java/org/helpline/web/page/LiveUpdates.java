package org.helpline.web.page;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.helpline.counsellors.CounsellorStateChanged;
import org.helpline.helplines.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the live pages: every subscriber gets its picture every 2 seconds
 * and as soon as a counsellor's state changes. Sending happens on one thread of its own, so
 * a slow browser never holds up the routing thread that published the change.
 */
@Component
class LiveUpdates implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

	// The browser reconnects by itself after this; a reconnect also re-checks the login.
	private static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final Map<SseEmitter, Subscriber> subscribers = new ConcurrentHashMap<>();

	private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofPlatform()
		.name("live-updates")
		.daemon(true)
		.factory());

	private final AtomicBoolean pushPending = new AtomicBoolean();

	/**
	 * @param picture what the page shows now; built on the sending thread for every push
	 * @param onlyChanges send a picture only when it differs from the one sent before
	 */
	SseEmitter subscribe(String event, Supplier<Object> picture, boolean onlyChanges) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Subscriber subscriber = new Subscriber(event, picture, onlyChanges);
		subscribers.put(emitter, subscriber);
		emitter.onCompletion(() -> subscribers.remove(emitter));
		emitter.onTimeout(() -> subscribers.remove(emitter));
		emitter.onError(error -> subscribers.remove(emitter));
		send(emitter, subscriber);
		return emitter;
	}

	int subscribers() {
		return subscribers.size();
	}

	@Scheduled(fixedDelay = 2000)
	void everyTwoSeconds() {
		pushSoon();
	}

	@EventListener
	void counsellorChanged(CounsellorStateChanged event) {
		pushSoon();
	}

	/** Many changes at once (a sweep, a reconnect of AMI) make one push, not many. */
	private void pushSoon() {
		if (subscribers.isEmpty() || !pushPending.compareAndSet(false, true)) {
			return;
		}
		try {
			sender.execute(() -> {
				pushPending.set(false);
				subscribers.forEach(this::send);
			});
		}
		catch (RejectedExecutionException shuttingDown) {
			pushPending.set(false);
		}
	}

	private void send(SseEmitter emitter, Subscriber subscriber) {
		try {
			Object picture = subscriber.picture().get();
			if (subscriber.onlyChanges() && Objects.equals(picture, subscriber.last)) {
				return;
			}
			emitter.send(SseEmitter.event().name(subscriber.event()).data(picture));
			subscriber.last = picture;
		}
		catch (IOException | IllegalStateException gone) {
			subscribers.remove(emitter);
			emitter.completeWithError(gone);
		}
		catch (NotFoundException removed) {
			log.debug("Live update {} of a removed counsellor ends", subscriber.event());
			subscribers.remove(emitter);
			emitter.complete();
		}
		catch (RuntimeException ex) {
			// The database briefly away, say: this page stops updating and says so.
			log.warn("Live update {} failed: {}", subscriber.event(), ex.getClass().getSimpleName());
			subscribers.remove(emitter);
			emitter.complete();
		}
	}

	/**
	 * Ends every stream as soon as the application starts closing: an open stream is an active
	 * request, and the web server's graceful shutdown would wait for it until its time is up.
	 */
	@EventListener(ContextClosedEvent.class)
	void closing() {
		subscribers.keySet().forEach(SseEmitter::complete);
		subscribers.clear();
	}

	@Override
	public void destroy() {
		sender.shutdownNow();
		closing();
	}

	private static final class Subscriber {

		private final String event;

		private final Supplier<Object> picture;

		private final boolean onlyChanges;

		private volatile @Nullable Object last;

		Subscriber(String event, Supplier<Object> picture, boolean onlyChanges) {
			this.event = event;
			this.picture = picture;
			this.onlyChanges = onlyChanges;
		}

		String event() {
			return event;
		}

		Supplier<Object> picture() {
			return picture;
		}

		boolean onlyChanges() {
			return onlyChanges;
		}

	}

}
