package org.helpline.callflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.MenuStep.Ask;
import org.helpline.callflow.MenuStep.Say;
import org.helpline.menu.Menus;
import org.helpline.prompts.Prompt;
import org.helpline.prompts.PromptCatalogue;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * "What would a call to number N at time T hear, if the caller pressed these keys?" —
 * answered by the decision and the menu walk a real call gets, with the text of every prompt.
 */
@Service
public class CallPreview {

	private final IncomingCallFlow flow;

	private final Menus menus;

	private final PromptCatalogue catalogue;

	CallPreview(IncomingCallFlow flow, Menus menus, PromptCatalogue catalogue) {
		this.flow = flow;
		this.menus = menus;
		this.catalogue = catalogue;
	}

	/**
	 * @param dialled the helpline number called
	 * @param keys the key the caller presses at each question of the menu, in order; a
	 * {@code null} entry presses nothing there, and so does every question after the last key.
	 * Keys are taken as pressed after the question was heard whole, so every prompt is listed.
	 */
	public Heard hear(String dialled, Instant at, List<String> keys) {
		CallDecision decision = flow.decide(dialled, at);
		return switch (decision) {
			case Announce announce -> new Heard(decision, texts(announce.prompts()), null, List.of());
			case Connect connect -> walk(connect, keys);
		};
	}

	private Heard walk(Connect connect, List<String> keys) {
		MenuWalk walk = MenuWalk.start(menus.current(connect.helplineId()), connect.language());
		Iterator<String> pressed = keys.iterator();
		List<Prompt> said = new ArrayList<>();
		MenuStep step = walk.next();
		while (step instanceof Say || step instanceof Ask) {
			if (step instanceof Say say) {
				said.addAll(say.prompts());
			}
			else if (step instanceof Ask ask) {
				said.addAll(ask.prompts());
				walk.pressed(pressed.hasNext() ? pressed.next() : null);
			}
			step = walk.next();
		}
		return new Heard(connect, texts(said), step, walk.path());
	}

	/** What a caller queued in this language hears when nobody can take calls. */
	public List<Line> nobodyAvailable(String language) {
		return texts(SentAway.nobodyAvailable(language));
	}

	private List<Line> texts(List<Prompt> prompts) {
		return prompts.stream().map(p -> new Line(p, catalogue.text(p).orElse(""))).toList();
	}

	/**
	 * @param prompts everything the caller hears, in order
	 * @param end for an open line how the menu ended ({@link MenuStep.Queue} or
	 * {@link MenuStep.HangUp}); {@code null} when the line is closed or unknown
	 * @param path what happened in the menu, see {@link MenuWalk#path()}
	 */
	public record Heard(CallDecision decision, List<Line> prompts, @Nullable MenuStep end, List<String> path) {

		public Heard {
			prompts = List.copyOf(prompts);
			path = List.copyOf(path);
		}

	}

	/** One prompt and its text ({@code ""} when the catalogue has none). */
	public record Line(Prompt prompt, String text) {
	}

}
