// The live board redraws itself from each server-sent picture; nothing is reloaded. Text
// only (textContent), so no name can inject markup.
"use strict";

(function () {
	var main = document.querySelector("main.board");
	var status = document.getElementById("live-status");

	function element(tag, className, text) {
		var el = document.createElement(tag);
		if (className) {
			el.className = className;
		}
		if (text != null) {
			el.textContent = text;
		}
		return el;
	}

	function helplines(rows) {
		var body = document.querySelector("#board-helplines tbody");
		var fresh = document.createDocumentFragment();
		rows.forEach(function (h) {
			var tr = element("tr");
			tr.dataset.helpline = h.id;
			var name = element("th", null, h.name);
			name.scope = "row";
			tr.appendChild(name);
			["waiting", "longestWait", "answered", "abandoned", "serviceLevel"].forEach(function (field) {
				var td = element("td", "num", String(h[field]));
				td.dataset.field = field;
				tr.appendChild(td);
			});
			fresh.appendChild(tr);
		});
		body.replaceChildren(fresh);
	}

	function states(groups) {
		var box = document.getElementById("board-states");
		var fresh = document.createDocumentFragment();
		groups.forEach(function (g) {
			var section = element("section", "state-group");
			section.dataset.state = g.state;
			var h3 = element("h3");
			h3.appendChild(element("span", null, g.label));
			h3.appendChild(document.createTextNode(" ("));
			h3.appendChild(element("span", "count", String(g.counsellors.length)));
			h3.appendChild(document.createTextNode(")"));
			section.appendChild(h3);
			var ul = element("ul");
			g.counsellors.forEach(function (c) {
				var li = element("li");
				li.dataset.counsellor = c.id;
				li.appendChild(element("span", "name", c.name));
				li.appendChild(document.createTextNode(" "));
				li.appendChild(element("span", "muted", c.reason ? c.reason + " · " + c.since : c.since));
				ul.appendChild(li);
			});
			section.appendChild(ul);
			fresh.appendChild(section);
		});
		box.replaceChildren(fresh);
	}

	Live.stream(main.dataset.events, "board", status, function (board) {
		document.getElementById("board-at").textContent = board.at;
		var summary = document.getElementById("board-summary");
		if (summary.textContent !== board.summary) {
			summary.textContent = board.summary;
		}
		helplines(board.helplines);
		states(board.states);
	});
})();
