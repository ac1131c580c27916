package org.helpline.web.page;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.helpline.callflow.CallDecision;
import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.IncomingCallFlow;
import org.helpline.callflow.PromptCatalogue;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.Helplines;

import org.springframework.stereotype.Component;

/**
 * What a call to a number at a local date-time would hear: the very decision a real call
 * gets, with every prompt's text, as the API's {@code /api/preview} answers it.
 */
@Component
class CallPreviews {

	private final IncomingCallFlow flow;

	private final Helplines helplines;

	private final PromptCatalogue prompts;

	CallPreviews(IncomingCallFlow flow, Helplines helplines, PromptCatalogue prompts) {
		this.flow = flow;
		this.helplines = helplines;
		this.prompts = prompts;
	}

	/** @param at local to the helpline the number belongs to */
	CallPreview preview(String number, LocalDateTime at) {
		ZoneId zone = helplines.byDialledNumber(number).map(Helpline::zone).orElse(ZoneId.of("Europe/Amsterdam"));
		Instant moment = at.atZone(zone).toInstant();
		CallDecision decision = flow.decide(number, moment);
		return switch (decision) {
			case Connect c -> new CallPreview(number, at, "open", c.outcome().tag(), List.of());
			case Announce a -> new CallPreview(number, at, a.helpline() == null ? "unknown" : "closed",
					a.outcome().tag(), a.prompts()
						.stream()
						.map(p -> new Said(p.language(), p.key(), prompts.text(p).orElse("")))
						.toList());
		};
	}

	/** @param action {@code open}, {@code closed} or {@code unknown} (no helpline has the number) */
	record CallPreview(String number, LocalDateTime at, String action, String outcome, List<Said> prompts) {
	}

	record Said(String language, String key, String text) {
	}

}
