package org.helpline.routing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The call each counsellor is on, and the one they wrap up after it. Kept in memory by the
 * instance that handles the call: after a restart a counsellor's page shows no call, which is
 * the truth for that instance.
 */
@Component
public class CounsellorCalls {

	private final Map<Long, CurrentCall> current = new ConcurrentHashMap<>();

	private final Map<Long, CurrentCall> last = new ConcurrentHashMap<>();

	public Optional<CurrentCall> current(long counsellorId) {
		return Optional.ofNullable(current.get(counsellorId));
	}

	/** The call that ended most recently, with its contact record: what the wrap-up is about. */
	public Optional<CurrentCall> last(long counsellorId) {
		return Optional.ofNullable(last.get(counsellorId));
	}

	public void answered(long counsellorId, CurrentCall call) {
		current.put(counsellorId, call);
	}

	public void ended(long counsellorId, long contactId) {
		CurrentCall call = current.remove(counsellorId);
		if (call != null) {
			last.put(counsellorId, call.ended(contactId));
		}
	}

}
