package org.helpline.routing;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.counsellors.AnotherNode;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.RingResult;
import org.helpline.routing.QueueOutcome.NobodyAvailable;
import org.helpline.routing.QueueOutcome.Offered;
import org.helpline.routing.QueueOutcome.StillWaiting;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open line with nobody to take calls (no counsellor signed in, or all paused): the caller
 * is told so instead of waiting for the longest wait, unless the helpline lets them wait for
 * someone to sign in. A counsellor on a call or in wrap-up, on any node, is somebody.
 */
class NobodyAvailableTest extends RoutingTest {

	@Test
	void byDefaultACallerIsNotKeptWaitingForSomeoneToSignIn() {
		RoutingProperties shipped = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("helpline.routing", RoutingProperties.class);

		assertThat(shipped.defaults().waitForSignInSeconds()).isZero();
	}

	@Test
	void withNobodySignedInTheCallerIsSentAwayAtOnce() {
		waitForSignIn(0);

		join("c1");

		assertThat(queue.await("c1", Duration.ZERO)).isInstanceOf(NobodyAvailable.class);
		assertThat(waiting()).isZero();
	}

	@Test
	void everyonePausedIsNobodyToo() {
		waitForSignIn(0);
		long anna = signedIn("Anna");
		presence.pause(anna, "lunch");

		join("c1");

		assertThat(queue.await("c1", Duration.ZERO)).isInstanceOf(NobodyAvailable.class);
	}

	@Test
	void aCounsellorOnACallOrInWrapUpIsSomebodySoTheCallerWaits() {
		waitForSignIn(0);
		long anna = signedIn("Anna");
		join("c1");
		assertThat(offerFor("c1").counsellorId()).isEqualTo(anna);
		queue.ringResult("c1", RingResult.ANSWERED);

		join("c2");
		assertThat(queue.await("c2", Duration.ZERO)).isInstanceOf(StillWaiting.class);
		queue.leave("c1");
		assertThat(state(anna).state()).isEqualTo(CounsellorState.WRAP_UP);
		passes(Duration.ofSeconds(5));

		assertThat(queue.await("c2", Duration.ZERO)).isInstanceOf(StillWaiting.class);
	}

	@Test
	void aCallerMayWaitForSomeoneToSignInAndGetsThem() {
		waitForSignIn(60);
		join("c1");
		assertThat(queue.await("c1", Duration.ZERO)).isInstanceOf(StillWaiting.class);
		passes(Duration.ofSeconds(30));

		long bea = signedIn("Bea");

		assertThat(offerFor("c1").counsellorId()).isEqualTo(bea);
	}

	@Test
	void pastTheWaitForASignInTheCallerIsSentAway() {
		waitForSignIn(60);
		join("c1");
		passes(Duration.ofSeconds(59));
		assertThat(queue.await("c1", Duration.ZERO)).isInstanceOf(StillWaiting.class);

		passes(Duration.ofSeconds(1));

		assertThat(queue.await("c1", Duration.ZERO)).isInstanceOf(NobodyAvailable.class);
	}

	@Test
	void aCounsellorBusyWithACallerOfAnotherNodeIsSomebody() {
		waitForSignIn(0);
		HikariDataSource otherPool = pool();
		CallQueue otherNode = secondInstance(otherPool);
		try {
			long anna = signedIn("Anna");
			otherNode.join("there", helplineId, CallerGroup.of("self"), Language.of("nl"), clock.instant());
			assertThat(otherNode.await("there", Duration.ZERO)).isInstanceOfSatisfying(Offered.class,
					offered -> assertThat(offered.offer().counsellorId()).isEqualTo(anna));
			otherNode.ringResult("there", RingResult.ANSWERED);

			join("here");

			assertThat(queue.await("here", Duration.ZERO)).isInstanceOf(StillWaiting.class);
		}
		finally {
			otherNode.stopSharing();
			otherPool.close();
		}
	}

	@Test
	void withTheDatabaseAwayNobodyIsSentAwayForWantOfCounsellors() {
		HikariDataSource pool = pool();
		try {
			AwayDataSource database = new AwayDataSource(pool);
			OnDuty onDuty = new OnDuty(AnotherNode.presence(application, database, event -> {
			}));
			assertThat(onDuty.anyone(clock.instant())).as("nobody signed in").isFalse();

			database.away = true;

			assertThat(onDuty.anyone(clock.instant().plusSeconds(1))).isTrue();
		}
		finally {
			pool.close();
		}
	}

	@Test
	void theWaitForASignInIsARoutingSetting() {
		assertThat(routing.rules(helplineId).waitForSignInSeconds()).as("the tests' default").isEqualTo(7200);

		waitForSignIn(45);

		assertThat(routing.rules(helplineId).waitForSignInSeconds()).isEqualTo(45);
	}

	private void waitForSignIn(int seconds) {
		rules(new RoutingSettings(null, null, null, null, null, null, null, null, seconds));
	}

}
