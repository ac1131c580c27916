package org.helpline.web;

import java.util.List;

import org.helpline.counsellors.CounsellorStatus;
import org.helpline.counsellors.Presence;
import org.helpline.routing.CallQueue;
import org.helpline.routing.HelplineRouting;
import org.helpline.routing.QueueSummary;
import org.helpline.routing.RoutingRules;
import org.helpline.routing.RoutingSettings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators' API for each helpline's routing rules, and the live board. */
@RestController
class RoutingController {

	private final HelplineRouting routing;

	private final CallQueue queue;

	private final Presence presence;

	RoutingController(HelplineRouting routing, CallQueue queue, Presence presence) {
		this.routing = routing;
		this.queue = queue;
		this.presence = presence;
	}

	@GetMapping("/api/helplines/{id}/routing")
	RoutingRules rules(@PathVariable long id) {
		return routing.rules(id);
	}

	@PutMapping("/api/helplines/{id}/routing")
	RoutingRules update(@PathVariable long id, @RequestBody RoutingSettings settings) {
		return routing.update(id, Bodies.required(settings));
	}

	/** Waiting callers per helpline (this instance's) and every counsellor's state: counts and states only. */
	@GetMapping("/api/routing/board")
	Board board() {
		return new Board(queue.summaries(), presence.all());
	}

	record Board(List<QueueSummary> queues, List<CounsellorStatus> counsellors) {
	}

}
