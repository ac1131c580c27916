package org.helpline.counsellors;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.helpline.database.DatabaseAway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counsellors' own state changes (sign in, pause, resume, …) asked for while the database was
 * away, per counsellor in the order asked. A counsellor with a change kept has every later one
 * kept behind it, so a pause and a resume are never made the wrong way round. Kept in memory: a
 * node that dies loses them, as it would an unsaved form.
 */
class KeptChanges {

	private static final Logger log = LoggerFactory.getLogger(KeptChanges.class);

	private final Map<Long, Deque<Runnable>> kept = new LinkedHashMap<>();

	/**
	 * Makes the change now, or keeps it when the database is away or changes of this counsellor
	 * are kept already.
	 * @throws ChangeKeptException when it was kept
	 */
	synchronized <T> T makeOrKeep(long counsellorId, java.util.function.Supplier<T> change) {
		Deque<Runnable> waiting = kept.get(counsellorId);
		if (waiting == null) {
			try {
				return change.get();
			}
			catch (RuntimeException ex) {
				if (!DatabaseAway.isPassing(ex)) {
					throw ex;
				}
			}
			waiting = kept.computeIfAbsent(counsellorId, id -> new ArrayDeque<>());
		}
		// Made again later only for its effect on the database: the caller has had its answer.
		waiting.add(() -> {
			T _ = change.get();
		});
		log.warn("Counsellor {}: a state change is kept until the database is back", counsellorId);
		throw new ChangeKeptException();
	}

	/** Makes what was kept, in order; stops at the first change the database is still away for. */
	synchronized void makeKept() {
		for (Iterator<Map.Entry<Long, Deque<Runnable>>> counsellors = kept.entrySet().iterator(); counsellors
			.hasNext();) {
			Map.Entry<Long, Deque<Runnable>> counsellor = counsellors.next();
			Deque<Runnable> waiting = counsellor.getValue();
			while (!waiting.isEmpty()) {
				try {
					waiting.peek().run();
				}
				catch (RuntimeException ex) {
					if (DatabaseAway.isPassing(ex)) {
						return;
					}
					// The counsellor's state moved on meanwhile (a call came, an operator signed them out).
					log.info("Counsellor {}: a kept state change no longer fits and is dropped ({})", counsellor.getKey(),
							ex.getClass().getSimpleName());
				}
				waiting.poll();
			}
			counsellors.remove();
		}
	}

}
