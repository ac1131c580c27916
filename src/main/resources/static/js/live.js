// Shared by the live pages: time by the service's clock, and a server-sent event stream
// whose state is shown in an element with data-ok / data-lost texts.
"use strict";

window.Live = (function () {
	function clock(serverNowText) {
		var serverNow = Date.parse(serverNowText);
		var start = Date.now();
		return function () {
			return isNaN(serverNow) ? Date.now() : serverNow + (Date.now() - start);
		};
	}

	function duration(seconds) {
		seconds = Math.max(0, Math.floor(seconds));
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return Math.floor(seconds / 60) + " min " + String(seconds % 60).padStart(2, "0") + " s";
		}
		return Math.floor(seconds / 3600) + " h " + String(Math.floor(seconds % 3600 / 60)).padStart(2, "0") + " min";
	}

	function stream(url, event, status, onData) {
		var source = new EventSource(url);
		source.addEventListener(event, function (message) {
			if (status) {
				status.textContent = status.dataset.ok;
			}
			onData(JSON.parse(message.data));
		});
		source.onerror = function () {
			if (status && source.readyState === EventSource.CLOSED) {
				status.textContent = status.dataset.lost;
			}
		};
		window.addEventListener("pagehide", function () { source.close(); });
		return source;
	}

	return { clock: clock, duration: duration, stream: stream };
})();
