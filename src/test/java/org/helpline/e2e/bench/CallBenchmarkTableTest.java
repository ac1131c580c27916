package org.helpline.e2e.bench;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallBenchmarkTableTest {

	private static final List<String> CALLERS = List.of(
			"INVITE 1-7@127.0.0.1 1796121801.000000 200000.000000",
			"ANSWERED 1-7@127.0.0.1 1796121801.000000 205000.000000",
			"BYE 1-7@127.0.0.1 1796121811.000000 0.000000",
			"ENDED 1-7@127.0.0.1 1796121811.000000 12000.000000",
			"INVITE 2-7@127.0.0.1 1796121801.000000 700000.000000",
			"ANSWERED 2-7@127.0.0.1 1796121801.000000 703000.000000");

	private static final List<String> PHONES = List.of(
			"2026-12-01	10:43:20.136124	1796121800.136124: Variable $whole is referenced 1 times!",
			"RING 2-7@127.0.0.1 1796121804.000000 730000.000000",
			"RING 1-7@127.0.0.1 1796121804.000000 220000.000000",
			"RING 1-7@127.0.0.1 1796121834.000000 220000.000000");

	@Test
	void legsArePairedByTheCallersCallIdNotByTheirOrder() {
		CallBenchmarkTable.Legs legs = CallBenchmarkTable.Legs.read(CALLERS, PHONES);

		assertThat(legs.millis("INVITE", "RING", 3.0)).containsExactly(new double[] { 20.0, 30.0 }, Offset.offset(1e-3));
	}

	@Test
	void aCallWithoutTheAnswerToItsByeIsAFailure() {
		CallBenchmarkTable.Legs legs = CallBenchmarkTable.Legs.read(CALLERS, PHONES);

		assertThat(legs.started()).isEqualTo(2);
		assertThat(legs.failed()).isEqualTo(1);
		assertThat(legs.unpaired()).isZero();
	}

	@Test
	void aRowHasTheSetUpWithoutThePromptAndThePercentilesByNearestRank() {
		CallBenchmarkTable.Legs legs = CallBenchmarkTable.Legs.read(CALLERS, PHONES);

		assertThat(legs.row("helpline", "2", 3.0, 5.0, List.of("1", "3 %")))
			.isEqualTo("| helpline | 2 | 2 | 1 | 0 | 25.0 | 20.0 | 30.0 | 30.0 | 3.0 | 5.0 | 12.0 | 12.0 | 0 | – | – | 1 | 3 % |");
	}

	@Test
	void aCallThatRangAPhoneThatDidNotAnswerCountsTheMoveOnAfterTheRingTimeoutNotTheSetUp() {
		CallBenchmarkTable.Legs legs = CallBenchmarkTable.Legs.read(CALLERS,
				List.of("MISS 1-7@127.0.0.1 1796121804.000000 220000.000000",
						"RING 1-7@127.0.0.1 1796121809.000000 232000.000000",
						"RING 2-7@127.0.0.1 1796121804.000000 730000.000000"));

		assertThat(legs.missed()).isEqualTo(1);
		assertThat(legs.row("helpline", "2", 3.0, 5.0, List.of()))
			.as("set-up from call 2 alone; call 1 moved on 12 ms after its 5 s ring timeout")
			.startsWith("| helpline | 2 | 2 | 1 | 0 | 30.0 | 30.0 | 30.0 | 30.0 |")
			.endsWith("| 1 | 12.0 | 12.0 |");
	}

	@Test
	void aRingForNoCallOfTheCallerIsUnpaired() {
		CallBenchmarkTable.Legs legs = CallBenchmarkTable.Legs.read(CALLERS,
				List.of("RING 9-7@127.0.0.1 1796121804.000000 0.000000"));

		assertThat(legs.unpaired()).isEqualTo(3);
	}

}
