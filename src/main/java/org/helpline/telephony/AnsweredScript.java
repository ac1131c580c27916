package org.helpline.telephony;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.callflow.Call;
import org.helpline.counsellors.CounsellorCalls;
import org.helpline.counsellors.CurrentCall;
import org.helpline.counsellors.RingResult;
import org.helpline.prompts.Prompt;
import org.helpline.routing.CallQueue;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The {@code answered} script, run by Dial's U() option on the counsellor's channel the moment
 * they answer ({@code call=} the caller's unique id): the counsellor is on the call from now,
 * and the time to answer ends here, not when the conversation does.
 */
@Component
class AnsweredScript implements AgiScript {

	static final String NAME = "answered";

	private final CallQueue queue;

	private final CallsInProgress calls;

	private final CounsellorCalls counsellorCalls;

	private final PromptPlayer prompts;

	private final Clock clock;

	AnsweredScript(CallQueue queue, CallsInProgress calls, CounsellorCalls counsellorCalls, PromptPlayer prompts,
			Clock clock) {
		this.queue = queue;
		this.calls = calls;
		this.counsellorCalls = counsellorCalls;
		this.prompts = prompts;
		this.clock = clock;
	}

	@Override
	public void service(AgiRequest request, AgiChannel channel) throws AgiException {
		String callId = request.getParameter("call");
		if (callId == null) {
			return;
		}
		@Nullable Call call = calls.get(callId).orElse(null);
		@Nullable CurrentCall current = null;
		if (call != null) {
			call.answered(clock.instant());
			current = call.asAnswered();
			Long counsellor = call.counsellorId();
			if (counsellor != null) {
				counsellorCalls.answered(counsellor, current);
			}
		}
		queue.ringResult(callId, RingResult.ANSWERED);
		if (call != null && current != null) {
			whisper(channel, current, call.helplineLanguage().code());
		}
	}

	/**
	 * Tells the counsellor, before the caller is put through, who the caller said they are and
	 * which language they chose when it is not the helpline's own: the same as the tag on the
	 * phone's display, for a counsellor who has no time to look.
	 */
	private void whisper(AgiChannel channel, CurrentCall call, String language) throws AgiException {
		List<Prompt> said = new ArrayList<>();
		if (call.callerGroup() != null) {
			said.add(new Prompt(language, call.callerGroup().whisperPrompt()));
		}
		if (call.language() != null && !call.language().code().equals(language)) {
			said.add(new Prompt(language, "whisper-language-" + call.language()));
		}
		prompts.play(channel, said);
	}

}
