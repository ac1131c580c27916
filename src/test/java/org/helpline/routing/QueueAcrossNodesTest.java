package org.helpline.routing;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
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
		otherNode.join("there", helplineId, new CallerGroup("SELF"), Language.DUTCH, clock.instant());
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
		otherNode.join("there", helplineId, new CallerGroup("SELF"), Language.DUTCH, clock.instant());
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
	void aNodeThatStoppedSharingIsOffTheBoardAfterThreeRechecks() {
		otherNode.join("there", helplineId, new CallerGroup("SELF"), Language.DUTCH, clock.instant());
		clock.advance(Duration.ofSeconds(10));
		join("here");
		bothShare();
		// The other node died or froze: it shares no more.
		clock.advance(properties.recheck().multipliedBy(3).plusSeconds(1));
		queue.share();

		assertThat(waiting()).isEqualTo(1);
		assertThat(announcementFor("here").position()).isEqualTo(1);
	}

	@Test
	void aCallerOfANodeThatDiedKeepsTheirPlaceWhileTheyMoveHere() {
		java.time.Instant entered = clock.instant();
		otherNode.join("there", helplineId, new CallerGroup("SELF"), Language.DUTCH, entered);
		clock.advance(Duration.ofSeconds(10));
		join("here");
		bothShare();
		clock.advance(properties.recheck().multipliedBy(3).plusSeconds(1));
		queue.share();

		presence.resume(anna);
		assertThat(queue.await("here", Duration.ZERO)).as("Anna is kept for the caller on their way")
			.isInstanceOf(StillWaiting.class);
		// The dialplan brings them here with their entry time (to the millisecond, as the channel keeps it).
		queue.join("moved", helplineId, new CallerGroup("SELF"), Language.DUTCH, java.time.Instant.ofEpochMilli(entered.toEpochMilli()));

		assertThat(offerFor("moved").counsellorId()).isEqualTo(anna);
		assertThat(waiting()).as("the moved caller is not counted twice").isEqualTo(2);
	}

	@Test
	void aCallerOfANodeThatDiedWhoNeverArrivesHoldsNobodyBackForLong() {
		otherNode.join("there", helplineId, new CallerGroup("SELF"), Language.DUTCH, clock.instant());
		clock.advance(Duration.ofSeconds(10));
		join("here");
		bothShare();
		clock.advance(properties.movedCallerWait().plusSeconds(1));
		queue.share();

		presence.resume(anna);

		assertThat(offerFor("here").counsellorId()).isEqualTo(anna);
	}

	@Test
	void aCallerWhoLeftTheOtherNodeNoLongerHoldsACounsellorBack() {
		otherNode.join("there", helplineId, new CallerGroup("SELF"), Language.DUTCH, clock.instant());
		clock.advance(Duration.ofSeconds(10));
		join("here");
		bothShare();
		otherNode.leave("there");
		bothShare();

		presence.resume(anna);

		assertThat(offerFor("here").counsellorId()).isEqualTo(anna);
	}

	@Test
	void aCallerAnotherNodeSharedInALanguageThisNodeDoesNotKnowStillComesFirst() {
		jdbc.sql("""
				insert into waiting_caller (id, node_id, helpline_id, caller_group, language, entered_at, offered,
				  seen_at) values ('newer-node-caller', 'newer-node', ?, 'SELF', 'not a code', ?, false, ?)""")
			.params(helplineId, clock.instant().atOffset(java.time.ZoneOffset.UTC),
					clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.update();
		clock.advance(Duration.ofSeconds(10));
		join("here");
		queue.share();

		presence.resume(anna);

		assertThat(queue.await("here", Duration.ZERO)).isInstanceOf(StillWaiting.class);
	}

	private void bothShare() {
		otherNode.share();
		queue.share();
	}

}
