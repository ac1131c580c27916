package org.helpline.callflow;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.helpline.callflow.MenuStep.Ask;
import org.helpline.callflow.MenuStep.HangUp;
import org.helpline.callflow.MenuStep.Queue;
import org.helpline.callflow.MenuStep.Say;
import org.helpline.menu.Choice;
import org.helpline.menu.Menu;
import org.helpline.menu.Option;
import org.helpline.prompts.Prompt;
import org.jspecify.annotations.Nullable;

/**
 * One caller's way through the menu. The telephony adapter asks {@link #next()} what to do,
 * does it, and after an {@link Ask} reports the key with {@link #pressed(String)}; the walk
 * ends with a {@link Queue} or a {@link HangUp}, which {@code next()} then keeps returning.
 * One instance per call and not thread-safe; no I/O and no clock, so a preview walks the
 * very same way as a call.
 */
public final class MenuWalk {

	private final Menu menu;

	/** {@code null}: a welcome only; the walk then ends at once and never asks. */
	private final @Nullable Choice choice;

	private final Deque<Pending> ahead = new ArrayDeque<>();

	private final List<String> path = new ArrayList<>();

	private String language;

	private int failures;

	private boolean waitingForKey;

	private @Nullable MenuStep end;

	private MenuWalk(Menu menu, String language) {
		this.menu = menu;
		this.choice = menu.choice();
		this.language = language;
	}

	/**
	 * @param language the helpline's own language; the menu's first language when the menu
	 * does not offer it
	 */
	public static MenuWalk start(Menu menu, String language) {
		boolean offered = menu.languages().isEmpty() || menu.languages().contains(language);
		MenuWalk walk = new MenuWalk(menu, offered ? language : menu.languages().getFirst());
		walk.begin();
		return walk;
	}

	/**
	 * What to do now.
	 * @throws IllegalStateException when the last step was an {@link Ask} not yet answered
	 */
	public MenuStep next() {
		if (waitingForKey) {
			throw new IllegalStateException("the last Ask waits for pressed()");
		}
		Pending pending = ahead.poll();
		if (pending == null) {
			return Objects.requireNonNull(end, "every walk ends in a queue or a goodbye");
		}
		path.addAll(pending.labels());
		waitingForKey = pending.step() instanceof Ask;
		return pending.step();
	}

	/**
	 * Answers the last {@link Ask}.
	 * @param digit the key pressed (one character, valid or not), or {@code null} for none
	 * @throws IllegalStateException when no Ask waits for an answer
	 */
	public void pressed(@Nullable String digit) {
		if (!waitingForKey) {
			throw new IllegalStateException("pressed() answers an Ask, and none waits for an answer");
		}
		waitingForKey = false;
		Option option = digit == null ? null : asking().option(digit);
		if (option != null) {
			path.add(digit);
			take(option);
			return;
		}
		path.add(digit == null ? "no-input" : "invalid:" + digit);
		failures++;
		if (failures > asking().repeats()) {
			takeDefault();
			return;
		}
		ask(false, digit == null ? asking().noInputPrompt() : asking().invalidPrompt(), asking().prompt());
	}

	/** The language the caller hears now. */
	public String language() {
		return language;
	}

	/** What happened so far, e.g. {@code [welcome, ask, no-input, ask, 2]}. */
	public List<String> path() {
		return Collections.unmodifiableList(path);
	}

	private void begin() {
		if (choice == null) {
			say("welcome", menu.welcome());
			end = Queue.of(null, language);
		}
		else if (menu.skipPromptOnKey()) {
			ask(true, menu.welcome(), asking().prompt());
		}
		else {
			say("welcome", menu.welcome());
			ask(false, asking().prompt());
		}
	}

	private void take(Option option) {
		// A validated menu's options all have an action; a null one is a defect, as it always was here.
		switch (Objects.requireNonNull(option.action(), "option action")) {
			case QUEUE -> {
				sayMessage(option);
				end = Queue.of(option.callerGroup(), language);
			}
			case MESSAGE_AND_HANG_UP -> {
				sayMessage(option);
				end = new HangUp(language);
			}
			case MESSAGE_AND_RETURN -> {
				sayMessage(option);
				ask(false, asking().prompt());
			}
			case LANGUAGE -> {
				language = Objects.requireNonNullElse(option.language(), language);
				failures = 0;
				sayMessage(option);
				ask(false, asking().prompt());
			}
		}
	}

	private void takeDefault() {
		path.add("default:" + asking().defaultDigit());
		Option fallback = asking().option(asking().defaultDigit());
		if (fallback != null && fallback.endsMenu()) {
			take(fallback);
		}
		else {
			// Only a menu that bypassed validation gets here; queueing beats looping forever.
			end = Queue.of(null, language);
		}
	}

	private void sayMessage(Option option) {
		if (option.message() != null) {
			say("message:" + option.message(), option.message());
		}
	}

	private void say(String label, @Nullable String key) {
		if (key != null) {
			ahead.add(new Pending(new Say(List.of(new Prompt(language, key))), List.of(label)));
		}
	}

	private void ask(boolean withWelcome, @Nullable String... keys) {
		List<Prompt> prompts = Arrays.stream(keys).filter(Objects::nonNull).map(k -> new Prompt(language, k)).toList();
		String digits = asking().options().stream()
			.filter(Objects::nonNull)
			.map(Option::digit)
			.filter(Objects::nonNull)
			.collect(Collectors.joining());
		Ask step = new Ask(prompts, menu.skipPromptOnKey(), digits, Duration.ofSeconds(asking().timeoutSeconds()));
		ahead.add(new Pending(step, withWelcome && menu.welcome() != null ? List.of("welcome", "ask") : List.of("ask")));
	}

	/** Only a menu with a choice asks, so a walk that asks has one. */
	private Choice asking() {
		return Objects.requireNonNull(choice, "choice");
	}

	private record Pending(MenuStep step, List<String> labels) {
	}

}
