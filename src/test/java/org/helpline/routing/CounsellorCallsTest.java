package org.helpline.routing;

import java.time.Duration;
import java.time.Instant;

import com.zaxxer.hikari.HikariDataSource;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.counsellors.AnotherNode;
import org.helpline.counsellors.CounsellorCalls;
import org.helpline.counsellors.CurrentCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A counsellor's current call and the record to wrap up are the same on every node. */
class CounsellorCallsTest extends RoutingTest {

	private final CurrentCall call = new CurrentCall(new CallerGroup("PARTNER_FAMILY"), Language.DUTCH, Duration.ofSeconds(42), "nieuwe beller",
			Instant.parse("2026-11-25T09:00:00Z"));

	private HikariDataSource pool;

	private AwayDataSource database;

	private CounsellorCalls here;

	private CounsellorCalls there;

	private long anna;

	@BeforeEach
	void twoNodes() {
		pool = pool();
		database = new AwayDataSource(pool);
		here = AnotherNode.calls(database);
		there = AnotherNode.calls(pool);
		anna = counsellor("Anna", java.util.Map.of(), java.util.Map.of());
	}

	@AfterEach
	void stopThem() {
		AnotherNode.stop(here);
		AnotherNode.stop(there);
		pool.close();
	}

	@Test
	void aCallAnsweredOnOneNodeIsTheCounsellorsCurrentCallOnEveryNodeUntilItEnds() {
		here.answered(anna, call);

		await().untilAsserted(() -> assertThat(there.current(anna)).contains(call));
		assertThat(there.current(anna + 1)).isEmpty();
		assertThat(there.lastContact(anna)).isEmpty();
	}

	@Test
	void anEndedCallLeavesItsContactRecordToWrapUpOnEveryNodeAndNoTime() {
		here.answered(anna, call);
		here.ended(anna, 1234);

		await().untilAsserted(() -> assertThat(there.lastContact(anna)).contains(1234L));
		assertThat(there.current(anna)).isEmpty();
		assertThat(jdbc.sql("select count(*) from counsellor_call where answered_at is not null or waited_seconds is not null")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aCallEndedOnAnotherNodeKeepsTheRecordToWrapUpWhenTheNextCallIsAnswered() {
		here.answered(anna, call);
		here.ended(anna, 1234);
		await().untilAsserted(() -> assertThat(there.lastContact(anna)).contains(1234L));

		there.answered(anna, call);

		await().untilAsserted(() -> assertThat(here.current(anna)).contains(call));
		assertThat(here.lastContact(anna)).contains(1234L);
	}

	@Test
	void whileTheDatabaseIsAwayANodeKeepsWhatItLearnedAndWritesItWhenItIsBack() {
		database.away = true;
		here.answered(anna, call);
		here.ended(anna, 1234);

		assertThat(here.lastContact(anna)).contains(1234L);
		assertThat(there.lastContact(anna)).isEmpty();

		database.away = false;
		here.writeUnwritten();
		assertThat(there.lastContact(anna)).contains(1234L);
	}

}
