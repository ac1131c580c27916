package org.helpline.web.page;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.helpline.contact.TodayFigures;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.CounsellorStatus;
import org.helpline.counsellors.Presence;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.Helplines;
import org.helpline.routing.CallQueue;
import org.helpline.routing.QueueSummary;
import org.helpline.security.PageSessions;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The operators' live board: counsellors by state, callers waiting per helpline and today's
 * calls. The page is rendered once; server-sent events bring the same picture every 2 s.
 */
@Controller
class BoardController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final Presence presence;

	private final CallQueue queue;

	private final Helplines helplines;

	private final TodayFigures today;

	private final LiveUpdates live;

	private final MessageSource messages;

	private final PageFormat format;

	private final Clock clock;

	private final PageSessions sessions;

	BoardController(Presence presence, CallQueue queue, Helplines helplines, TodayFigures today, LiveUpdates live,
			MessageSource messages, PageFormat format, Clock clock, PageSessions sessions) {
		this.presence = presence;
		this.queue = queue;
		this.helplines = helplines;
		this.today = today;
		this.live = live;
		this.messages = messages;
		this.format = format;
		this.clock = clock;
		this.sessions = sessions;
	}

	@GetMapping("/operator/board")
	String board(Locale locale, Model model) {
		model.addAttribute("board", picture(locale));
		return "operator/board";
	}

	@GetMapping(path = "/operator/board/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(Locale locale, HttpServletRequest request) {
		return sessions.endingWithSession(request, live.subscribe("board", () -> picture(locale), false));
	}

	Board picture(Locale locale) {
		List<Helpline> all = helplines.all();
		ZoneId zone = all.isEmpty() ? ZoneId.of("Europe/Amsterdam") : all.getFirst().zone();
		Map<CounsellorState, List<CounsellorStatus>> byState = presence.all()
			.stream()
			.collect(Collectors.groupingBy(CounsellorStatus::state));
		List<StateGroup> states = Arrays.stream(CounsellorState.values())
			.map(state -> new StateGroup(state.name(), messages.getMessage("state." + state.name(), null, locale),
					byState.getOrDefault(state, List.of())
						.stream()
						.map(s -> new Person(s.id(), s.displayName(), s.reason() == null ? null
								: messages.getMessage("reason." + s.reason().replace(' ', '-'), null, s.reason(),
										locale),
								format.since(s.since())))
						.toList()))
			.toList();
		Map<Long, QueueSummary> queues = queue.summaries()
			.stream()
			.collect(Collectors.toMap(QueueSummary::helplineId, Function.identity()));
		List<HelplineRow> rows = all.stream().map(h -> {
			QueueSummary waiting = queues.get(h.id());
			TodayFigures.Today figures = today.of(h);
			return new HelplineRow(h.id(), h.name(), waiting == null ? 0 : waiting.waiting(),
					waiting == null || waiting.waiting() == 0 ? "–" : format.seconds(waiting.longestWaitSeconds()),
					figures.answered(), figures.abandoned(), format.percent(figures.serviceLevelPercent()));
		}).toList();
		int available = byState.getOrDefault(CounsellorState.AVAILABLE, List.of()).size();
		int waiting = rows.stream().mapToInt(HelplineRow::waiting).sum();
		String summary = messages.getMessage("board.summary", new Object[] { available, waiting }, locale);
		return new Board(LocalTime.ofInstant(clock.instant(), zone).format(TIME), summary, states, rows);
	}

	/** @param summary one sentence for screen readers, announced only when it changes */
	record Board(String at, String summary, List<StateGroup> states, List<HelplineRow> helplines) {
	}

	record StateGroup(String state, String label, List<Person> counsellors) {
	}

	record Person(long id, String name, @Nullable String reason, String since) {
	}

	record HelplineRow(long id, String name, int waiting, String longestWait, long answered, long abandoned,
			String serviceLevel) {
	}

}
