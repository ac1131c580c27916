package org.helpline.callflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.CallDecision.Outcome;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.Helplines;
import org.helpline.prompts.Prompt;
import org.helpline.prompts.PromptCatalogue;
import org.helpline.schedule.LineStatus;
import org.helpline.schedule.OpeningHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Decides what a call to one of the helpline's numbers hears at a given moment: handed on
 * when the line is open, otherwise the message for why it is closed, when it opens again
 * and where else to turn. The same decision serves real calls and operators' previews.
 */
@Service
public class IncomingCallFlow {

	private static final Logger log = LoggerFactory.getLogger(IncomingCallFlow.class);

	private final Helplines helplines;

	private final OpeningHours openingHours;

	private final PromptCatalogue prompts;

	IncomingCallFlow(Helplines helplines, OpeningHours openingHours, PromptCatalogue prompts) {
		this.helplines = helplines;
		this.openingHours = openingHours;
		this.prompts = prompts;
	}

	/**
	 * @param dialled the helpline number the caller dialled (never the caller's own number)
	 */
	public CallDecision decide(String dialled, Instant at) {
		Optional<Helpline> helpline = helplines.byDialledNumber(dialled);
		if (helpline.isEmpty()) {
			log.warn("Call to dialled number {} that no helpline answers; playing the not-in-use message", dialled);
			return new Announce(null, null, inEach(List.of("nl", "en"), language -> List.of(
					new Prompt(language, "unknown-number"))), Outcome.UNKNOWN_NUMBER);
		}
		return decide(helpline.get(), at);
	}

	private CallDecision decide(Helpline helpline, Instant at) {
		if (openingHours.isOpen(helpline.schedule(), at)) {
			return new Connect(helpline.id(), helpline.name(), helpline.numbers().getFirst(), helpline.language());
		}
		return switch (openingHours.statusAt(helpline.schedule(), at)) {
			// Opened in the instant between the two looks: the caller is let in.
			case LineStatus.Open open -> new Connect(helpline.id(), helpline.name(), helpline.numbers().getFirst(),
					helpline.language());
			case LineStatus.Closed closed -> closedMessage(helpline, closed, at);
		};
	}

	private Announce closedMessage(Helpline helpline, LineStatus.Closed closed, Instant at) {
		LocalDate today = at.atZone(helpline.zone()).toLocalDate();
		List<Prompt> sequence = inEach(languagesOf(helpline), language -> {
			List<Prompt> said = new ArrayList<>();
			said.add(new Prompt(language, reasonPrompt(closed)));
			closed.opensAt().ifPresentOrElse(opens -> {
				said.add(new Prompt(language, "opens-again"));
				said.addAll(SpokenTime.of(opens, today, language));
			}, () -> said.add(new Prompt(language, "no-next-opening")));
			said.add(new Prompt(language, "alternatives"));
			return said;
		});
		return new Announce(helpline.id(), helpline.name(), sequence, outcome(closed));
	}

	private String reasonPrompt(LineStatus.Closed closed) {
		return switch (closed.reason()) {
			case OUTSIDE_HOURS -> "closed-evening";
			case NOT_OPEN_TODAY -> "closed-weekend";
			case PUBLIC_HOLIDAY -> "closed-holiday";
			case CLOSURE -> closed.closure()
				.map(c -> c.messagePrompt())
				.filter(key -> key != null && prompts.hasEverywhere(key))
				.orElse("closed-closure");
		};
	}

	private static Outcome outcome(LineStatus.Closed closed) {
		return switch (closed.reason()) {
			case OUTSIDE_HOURS -> Outcome.CLOSED_OUTSIDE_HOURS;
			case NOT_OPEN_TODAY -> Outcome.CLOSED_NOT_OPEN_TODAY;
			case PUBLIC_HOLIDAY -> Outcome.CLOSED_PUBLIC_HOLIDAY;
			case CLOSURE -> Outcome.CLOSED_CLOSURE;
		};
	}

	/** The helpline's own language first; English after it for callers who don't speak it. */
	private static List<String> languagesOf(Helpline helpline) {
		return helpline.language().equals("en") ? List.of("en") : List.of(helpline.language(), "en");
	}

	private static List<Prompt> inEach(List<String> languages,
			java.util.function.Function<String, List<Prompt>> sentence) {
		return languages.stream().flatMap(language -> sentence.apply(language).stream()).toList();
	}

}
