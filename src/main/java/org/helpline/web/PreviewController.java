package org.helpline.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.CallPreview;
import org.helpline.callflow.CallPreview.Heard;
import org.helpline.callflow.MenuStep;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.Helplines;
import org.helpline.helplines.ProblemCode;
import org.helpline.prompts.PromptAudio;
import org.helpline.routing.HelplineRouting;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "What would a call to number N at time T hear?" — answered by the very decision and menu a
 * real call gets, with the text of every prompt.
 */
@RestController
class PreviewController {

	private final CallPreview preview;

	private final Helplines helplines;

	private final PromptAudio audio;

	private final Clock clock;

	private final HelplineRouting routing;

	PreviewController(CallPreview preview, Helplines helplines, PromptAudio audio, Clock clock,
			HelplineRouting routing) {
		this.preview = preview;
		this.routing = routing;
		this.audio = audio;
		this.helplines = helplines;
		this.clock = clock;
	}

	/**
	 * @param at an instant with offset ({@code 2027-03-28T10:00+02:00}) or a local date-time in
	 * the helpline's time zone ({@code 2027-03-28T10:00}); now when absent
	 * @param keys the key pressed at each question of an open line's menu, in order, {@code -}
	 * for none ({@code -2}: nothing at the first, 2 at the second); nothing when absent
	 */
	@GetMapping("/api/preview")
	Preview preview(@RequestParam String number, @RequestParam(required = false) String at,
			@RequestParam(required = false) String keys) {
		ZoneId zone = helplines.byDialledNumber(number).map(Helpline::zone).orElse(ZoneId.of("Europe/Amsterdam"));
		Instant moment = at == null ? clock.instant() : parse(at, zone);
		Heard heard = preview.hear(number, moment, keys(keys));
		List<PreviewPrompt> said = said(heard.prompts());
		String transcript = transcript(said);
		OffsetDateTime when = moment.atZone(zone).toOffsetDateTime();
		return switch (heard.decision()) {
			case Connect c when heard.end() instanceof MenuStep.HangUp hangUp -> new Preview(number, c.helpline(), when,
					"open", c.outcome().tag(), "hang-up", said, transcript, null, hangUp.language(), heard.path(),
					null);
			case Connect c -> {
				// A call that is connected has walked its menu to the end.
				MenuStep.Queue queue = (MenuStep.Queue) Objects.requireNonNull(heard.end(), "menu end");
				List<PreviewPrompt> nobody = said(preview.nobodyAvailable(queue.language().code()));
				yield new Preview(number, c.helpline(), when, "open", c.outcome().tag(), "queue", said, transcript,
						Objects.toString(queue.callerGroup(), null), queue.language().code(), heard.path(),
						new NobodyAvailable(routing.rules(c.helplineId()).waitForSignInSeconds(), nobody,
								transcript(nobody)));
			}
			case Announce a -> new Preview(number, a.helpline(), when, a.helpline() == null ? "unknown" : "closed",
					a.outcome().tag(), null, said, transcript, null, null, List.of(), null);
		};
	}

	private List<PreviewPrompt> said(List<CallPreview.Line> lines) {
		return lines.stream()
			.map(l -> new PreviewPrompt(l.prompt().language(), l.prompt().key(), audio.fileFor(l.prompt()), l.text()))
			.toList();
	}

	private static String transcript(List<PreviewPrompt> said) {
		return String.join(" ", said.stream().map(PreviewPrompt::text).toList());
	}

	private static List<String> keys(String keys) {
		List<String> pressed = new ArrayList<>();
		if (keys == null) {
			return pressed;
		}
		for (char key : keys.toCharArray()) {
			if (key == '-') {
				pressed.add(null);
			}
			else if ((key >= '0' && key <= '9') || key == '*' || key == '#') {
				pressed.add(String.valueOf(key));
			}
			else if (key != ',' && !Character.isWhitespace(key)) {
				throw new BadParameterException(ProblemCode.FORM_NOT_KEYS, "keys", keys);
			}
		}
		return pressed;
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
				throw new BadParameterException(ProblemCode.PREVIEW_AT_INVALID, "at", at);
			}
		}
	}

	/**
	 * @param destination for an open line how the menu ends: {@code queue} or {@code hang-up}
	 * @param callerGroup the caller group an open line's call is queued with ({@code null}: none)
	 * @param language the language the caller hears at the end of an open line's menu
	 * @param path what happened in the menu, e.g. {@code [welcome, ask, 2]}
	 * @param nobodyAvailable for a queued call, what the caller hears when nobody can take calls
	 */
	record Preview(String number, @Nullable String helpline, OffsetDateTime at, String action, String outcome,
			@Nullable String destination, List<PreviewPrompt> prompts, String transcript, @Nullable String callerGroup,
			@Nullable String language, List<String> path, @Nullable NobodyAvailable nobodyAvailable) {
	}

	/**
	 * @param afterSeconds how long the caller waits for someone to sign in first (the helpline's
	 * {@code waitForSignInSeconds})
	 */
	record NobodyAvailable(int afterSeconds, List<PreviewPrompt> prompts, String transcript) {
	}

	record PreviewPrompt(String language, String key, String file, String text) {
	}

}
