package org.helpline.web.page;

import java.util.List;
import java.util.Objects;

import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.CallPreview.Heard;
import org.helpline.callflow.CallPreview.Line;
import org.helpline.callflow.MenuStep;
import org.helpline.contact.CallerGroups;
import org.jspecify.annotations.Nullable;

/**
 * What the helpline page shows of a previewed call: every prompt with its text and, for an
 * open line, where the menu leaves the caller.
 *
 * @param action {@code open}, {@code closed} or {@code unknown} (no helpline has the number)
 * @param destination for an open line {@code queue} or {@code hang-up}; null otherwise
 * @param callerGroupLabel the queued call's caller group in the page's language; null without one
 * @param language the language the caller hears when an open line's menu ends
 * @param path what happened in the menu, e.g. {@code [welcome, ask, 2]}
 * @param nobodyAvailableAfter for a queued call, how long the caller waits for a sign-in when
 * nobody can take calls; null otherwise
 * @param nobodyAvailable what the caller then hears; empty unless queued
 */
record PreviewResult(String action, String outcome, List<Said> prompts, @Nullable String destination,
		@Nullable String callerGroup, @Nullable String callerGroupLabel, @Nullable String language, List<String> path,
		@Nullable Integer nobodyAvailableAfter, List<Said> nobodyAvailable) {

	PreviewResult whenNobodyAvailable(int afterSeconds, List<Line> heard) {
		return new PreviewResult(action, outcome, prompts, destination, callerGroup, callerGroupLabel, language, path,
				afterSeconds, said(heard));
	}

	static PreviewResult of(Heard heard, CallerGroups groups, String pageLanguage) {
		List<Said> said = said(heard.prompts());
		String outcome = heard.decision().outcome().tag();
		return switch (heard.decision()) {
			case Announce a -> new PreviewResult(a.helpline() == null ? "unknown" : "closed", outcome, said, null,
					null, null, null, List.of(), null, List.of());
			case Connect c -> switch (Objects.requireNonNull(heard.end(), "a connected call's menu end")) {
				case MenuStep.Queue q -> new PreviewResult("open", outcome, said, "queue",
						Objects.toString(q.callerGroup(), null),
						q.callerGroup() == null ? null : groups.label(q.callerGroup().code(), pageLanguage),
						q.language().code(), heard.path(), null, List.of());
				case MenuStep.HangUp h -> new PreviewResult("open", outcome, said, "hang-up", null, null, h.language(),
						heard.path(), null, List.of());
				default -> throw new IllegalStateException("a menu walk ends with a queue or a hang-up");
			};
		};
	}

	private static List<Said> said(List<Line> lines) {
		return lines.stream().map(line -> new Said(line.prompt().language(), line.prompt().key(), line.text())).toList();
	}

	record Said(String language, String key, String text) {
	}

}
