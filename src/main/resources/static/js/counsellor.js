// The counsellor's page follows their state without a reload: state, reason, since, the
// wrap-up countdown, which buttons apply, and the call they are on. A new call to wrap up
// reloads the page, unless a form is being filled in.
"use strict";

(function () {
	var card = document.getElementById("state-card");
	if (!card) {
		return;
	}
	var now = Live.clock(card.dataset.serverNow);
	var status = document.getElementById("live-status");
	var stateEl = document.getElementById("state");
	var reasonEl = document.getElementById("reason");
	var sinceEl = document.getElementById("since");
	var timer = document.getElementById("wrap-up-timer");
	var left = document.getElementById("wrap-up-left");
	var dirty = false;

	document.querySelectorAll("#wrap-up-form, #register-form").forEach(function (form) {
		form.addEventListener("input", function () { dirty = true; });
		form.addEventListener("change", function () { dirty = true; });
	});

	function tick() {
		if (sinceEl.getAttribute("datetime")) {
			sinceEl.textContent = Live.duration((now() - Date.parse(sinceEl.getAttribute("datetime"))) / 1000);
		}
		if (left.dataset.until) {
			left.textContent = Live.duration((Date.parse(left.dataset.until) - now()) / 1000);
		}
	}

	function show(picture) {
		card.dataset.state = picture.state;
		stateEl.dataset.state = picture.state;
		stateEl.textContent = picture.stateLabel;
		reasonEl.textContent = picture.reason ? "(" + picture.reason + ")" : "";
		sinceEl.setAttribute("datetime", picture.since || "");
		left.dataset.until = picture.wrapUpUntil || "";
		timer.hidden = picture.state !== "WRAP_UP";
		card.querySelectorAll("form[data-states]").forEach(function (form) {
			form.hidden = form.dataset.states.split(" ").indexOf(picture.state) < 0;
		});
		var call = picture.call;
		document.getElementById("no-call").hidden = !!call;
		document.getElementById("call").hidden = !call;
		if (call) {
			document.getElementById("call-group").textContent = call.callerGroup || "–";
			document.getElementById("call-waited").textContent = call.waited || "–";
			document.getElementById("call-tag").textContent = call.tag || "–";
		}
		var rendered = card.dataset.contact || "";
		var latest = picture.wrapUpContactId == null ? "" : String(picture.wrapUpContactId);
		if (latest !== rendered && latest !== "") {
			if (dirty) {
				status.textContent = status.dataset.reload;
			} else {
				window.location.reload();
			}
		}
		tick();
	}

	Live.stream(card.dataset.events, "state", status, show);
	window.setInterval(tick, 1000);
	tick();
})();
