package org.helpline.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of {@code ops/benchmark-calls.sh}, from the SIPp event logs of one run: the caller's
 * (INVITE, ANSWERED, BYE, ENDED) and the phones' (RING; MISS for a phone that rings without
 * answering), each line {@code EVENT CALL-ID SECONDS MICROSECONDS}, the legs paired by the
 * caller's Call-ID (carried in X-Bench-Call). JDK only, so the script runs it as a source file:
 * {@code java CallBenchmarkTable.java header} or
 * {@code java CallBenchmarkTable.java row SIDE RATE PROMPT_S RING_TIMEOUT_S CALLER_LOG PHONE_LOG [CELL...]}.
 * A call that rang a phone that did not answer is left out of the set-up columns; "move-on" is
 * the time from that ring's timeout to the ring of the phone that answered.
 */
public final class CallBenchmarkTable {

	static final String HEADER = """
			| side | calls/s | calls | failed | unpaired | set-up mean | p50 | p95 | p99 | INVITE→200 p50 | p99 | hang-up p50 | p99 | missed rings | move-on p50 | p99 | records | CPU Asterisk | CPU JVM | load | decision p99 |
			| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |""";

	private CallBenchmarkTable() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length == 1 && args[0].equals("header")) {
			System.out.println(HEADER);
			return;
		}
		if (args.length < 7 || !args[0].equals("row")) {
			System.err.println(
					"usage: header | row SIDE RATE PROMPT_SECONDS RING_TIMEOUT_SECONDS CALLER_LOG PHONE_LOG [CELL...]");
			System.exit(2);
		}
		Legs legs = Legs.read(Files.readAllLines(Path.of(args[5])), Files.readAllLines(Path.of(args[6])));
		System.out.println(legs.row(args[1], args[2], Double.parseDouble(args[3]), Double.parseDouble(args[4]),
				Arrays.asList(args).subList(7, args.length)));
	}

	/** Event times (seconds since the epoch) by caller Call-ID and event. */
	record Legs(Map<String, Map<String, Double>> calls) {

		static Legs read(List<String> callerLines, List<String> phoneLines) {
			Map<String, Map<String, Double>> calls = new HashMap<>();
			for (List<String> lines : List.of(callerLines, phoneLines)) {
				for (String line : lines) {
					String[] f = line.trim().split("\\s+");
					if (f.length != 4 || !f[0].matches("INVITE|ANSWERED|BYE|ENDED|RING|MISS")) {
						continue;
					}
					double at = Double.parseDouble(f[2]) + Double.parseDouble(f[3]) / 1_000_000;
					// a phone rung twice for one call (ring timeout) counts from the first ring
					calls.computeIfAbsent(f[1], id -> new HashMap<>()).merge(f[0], at, Math::min);
				}
			}
			return new Legs(calls);
		}

		/** Calls the caller started. */
		long started() {
			return calls.values().stream().filter(c -> c.containsKey("INVITE")).count();
		}

		/** Started calls that did not end with a 200 OK to the caller's BYE. */
		long failed() {
			return calls.values().stream().filter(c -> c.containsKey("INVITE") && !c.containsKey("ENDED")).count();
		}

		/** Rings that belong to no call the caller started, or answered calls no phone rang for. */
		long unpaired() {
			return calls.values()
				.stream()
				.filter(c -> c.containsKey("RING") != (c.containsKey("INVITE") && c.containsKey("ANSWERED")))
				.count();
		}

		/** Calls that rang a phone that did not answer. */
		long missed() {
			return calls.values().stream().filter(c -> c.containsKey("MISS")).count();
		}

		/** Milliseconds from one event to another, for every call that has both, ascending. */
		double[] millis(String from, String to, double minusSeconds) {
			return millis(from, to, minusSeconds, true);
		}

		/** The same, for the calls that did ({@code missed}) or did not ring a phone that did not answer. */
		double[] millis(String from, String to, double minusSeconds, boolean missed) {
			return calls.values()
				.stream()
				.filter(c -> c.containsKey(from) && c.containsKey(to))
				.filter(c -> missed || !c.containsKey("MISS"))
				.mapToDouble(c -> (c.get(to) - c.get(from) - minusSeconds) * 1000)
				.sorted()
				.toArray();
		}

		String row(String side, String rate, double promptSeconds, double ringTimeoutSeconds, List<String> extra) {
			double[] setUp = millis("INVITE", "RING", promptSeconds, false);
			double[] moveOn = millis("MISS", "RING", ringTimeoutSeconds);
			double[] answer = millis("INVITE", "ANSWERED", 0);
			double[] hangUp = millis("BYE", "ENDED", 0);
			List<String> cells = new ArrayList<>(List.of(side, rate, Long.toString(started()), Long.toString(failed()),
					Long.toString(unpaired()), ms(mean(setUp)), ms(percentile(setUp, 50)), ms(percentile(setUp, 95)),
					ms(percentile(setUp, 99)), ms(percentile(answer, 50)), ms(percentile(answer, 99)),
					ms(percentile(hangUp, 50)), ms(percentile(hangUp, 99)), Long.toString(missed()),
					ms(percentile(moveOn, 50)), ms(percentile(moveOn, 99))));
			cells.addAll(extra);
			return "| " + String.join(" | ", cells) + " |";
		}

	}

	static double mean(double[] sorted) {
		return Arrays.stream(sorted).average().orElse(Double.NaN);
	}

	/** Nearest rank. */
	static double percentile(double[] sorted, int p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

	static String ms(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
	}

}
