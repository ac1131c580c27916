package org.helpline.routing;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.helpline.routing.QueueOutcome.Offered;
import org.helpline.routing.QueueOutcome.StillWaiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the service, one queue: the caller who has waited longest on any node gets the
 * next free counsellor, and places and the live board count every node's callers.
 */
class QueueAcrossNodesTest extends RoutingTest {

	private HikariDataSource otherPool;

	private CallQueue otherNode;

	private long anna;

	@BeforeEach
	void anotherNodeAndAnnaPaused() {
		otherPool = pool();
		otherNode = secondInstance(otherPool);
		anna = signedIn("Anna");
		presence.pause(anna, "lunch");
	}

	@AfterEach
	void stopTheOtherNode() {
		otherNode.stopSharing();
		otherPool.close();
	}

	@Test
	void aCallerOnAnotherNodeWhoCameFirstGetsTheNextFreeCounsellor() {
		otherNode.join("there", helplineId, "self", "nl", clock.instant());
		clock.advance(Duration.ofSeconds(10));
		join("here");
		bothShare();

		presence.resume(anna);

		assertThat(queue.await("here", Duration.ZERO)).isInstanceOf(StillWaiting.class);
		otherNode.tick();
		assertThat(otherNode.await("there", Duration.ZERO)).isInstanceOfSatisfying(Offered.class,
				offered -> assertThat(offered.offer().counsellorId()).isEqualTo(anna));
	}

	@Test
	void placesAndTheBoardCountTheCallersOfEveryNode() {
		otherNode.join("there", helplineId, "self", "nl", clock.instant());
		clock.advance(Duration.ofSeconds(10));
		join("here");
		bothShare();

		assertThat(announcementFor("here").position()).isEqualTo(2);
		assertThat(queue.summaries()).filteredOn(board -> board.helplineId() == helplineId).singleElement()
			.satisfies(board -> {
			assertThat(board.waiting()).isEqualTo(2);
			assertThat(board.longestWaitSeconds()).isEqualTo(10);
		});
	}

	@Test
	void aNodeThatStoppedSharingIsLeftOutAfterThreeRechecks() {
		otherNode.join("there", helplineId, "self", "nl", clock.instant());
		clock.advance(Duration.ofSeconds(10));
		join("here");
		bothShare();
		// The other node froze: it shares no more, and its caller cannot be served meanwhile.
		clock.advance(properties.recheck().multipliedBy(3).plusSeconds(1));
		queue.share();

		presence.resume(anna);

		assertThat(offerFor("here").counsellorId()).isEqualTo(anna);
		assertThat(waiting()).as("only the caller here, being rung").isEqualTo(1);
	}

	@Test
	void aCallerWhoLeftTheOtherNodeNoLongerHoldsACounsellorBack() {
		otherNode.join("there", helplineId, "self", "nl", clock.instant());
		clock.advance(Duration.ofSeconds(10));
		join("here");
		bothShare();
		otherNode.leave("there");
		bothShare();

		presence.resume(anna);

		assertThat(offerFor("here").counsellorId()).isEqualTo(anna);
	}

	private void bothShare() {
		otherNode.share();
		queue.share();
	}

}
