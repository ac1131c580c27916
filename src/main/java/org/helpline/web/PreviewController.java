package org.helpline.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.helpline.callflow.CallDecision;
import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.IncomingCallFlow;
import org.helpline.callflow.PromptCatalogue;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.Helplines;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "What would a call to number N at time T hear?" — answered by the very decision a real
 * call gets, with the text of every prompt.
 */
@RestController
class PreviewController {

	private final IncomingCallFlow flow;

	private final Helplines helplines;

	private final PromptCatalogue prompts;

	private final Clock clock;

	PreviewController(IncomingCallFlow flow, Helplines helplines, PromptCatalogue prompts, Clock clock) {
		this.flow = flow;
		this.helplines = helplines;
		this.prompts = prompts;
		this.clock = clock;
	}

	/**
	 * @param at an instant with offset ({@code 2027-03-28T10:00+02:00}) or a local date-time in
	 * the helpline's time zone ({@code 2027-03-28T10:00}); now when absent
	 */
	@GetMapping("/api/preview")
	Preview preview(@RequestParam String number, @RequestParam(required = false) String at) {
		ZoneId zone = helplines.byDialledNumber(number).map(Helpline::zone).orElse(ZoneId.of("Europe/Amsterdam"));
		Instant moment = at == null ? clock.instant() : parse(at, zone);
		CallDecision decision = flow.decide(number, moment);
		return switch (decision) {
			case Connect c -> new Preview(number, c.helpline(), moment.atZone(zone).toOffsetDateTime(), "open",
					c.outcome().tag(), "queue", List.of(), "");
			case Announce a -> {
				List<PreviewPrompt> said = a.prompts().stream()
					.map(p -> new PreviewPrompt(p.language(), p.key(), p.file(), prompts.text(p).orElse("")))
					.toList();
				String transcript = String.join(" ", said.stream().map(PreviewPrompt::text).toList());
				yield new Preview(number, a.helpline(), moment.atZone(zone).toOffsetDateTime(),
						a.helpline() == null ? "unknown" : "closed", a.outcome().tag(), null, said, transcript);
			}
		};
	}

	private static Instant parse(String at, ZoneId zone) {
		try {
			return OffsetDateTime.parse(at).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(at).atZone(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new BadParameterException("at",
						"'" + at + "' is not a date-time like 2027-03-28T10:00 or 2027-03-28T10:00+02:00");
			}
		}
	}

	record Preview(String number, String helpline, OffsetDateTime at, String action, String outcome,
			String destination, List<PreviewPrompt> prompts, String transcript) {
	}

	record PreviewPrompt(String language, String key, String file, String text) {
	}

}
