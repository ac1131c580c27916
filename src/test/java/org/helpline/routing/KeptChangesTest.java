package org.helpline.routing;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.helpline.counsellors.AnotherNode;
import org.helpline.counsellors.ChangeKeptException;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Presence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A counsellor's own changes while the database is away are kept, in the order asked, and made
 * once it is back: none lost, none twice, none the wrong way round.
 */
class KeptChangesTest extends RoutingTest {

	private HikariDataSource pool;

	private AwayDataSource database;

	/** A node whose database goes away; the test's own presence reads the truth. */
	private Presence node;

	private long anna;

	@BeforeEach
	void aNodeAndAnnaAvailable() {
		pool = pool();
		database = new AwayDataSource(pool);
		node = AnotherNode.presence(application, database, event -> {
		});
		anna = counsellor("Anna", Map.of(), Map.of());
		node.counsellorAtEndpoint("anna");
		node.signIn(anna);
	}

	@AfterEach
	void closeThePool() {
		pool.close();
	}

	@Test
	void aPauseAskedWhileTheDatabaseIsAwayIsMadeWhenItIsBack() {
		database.away = true;

		assertThat(node.counsellorAtEndpoint("anna")).as("her desk phone, as last read").contains(anna);
		assertThatThrownBy(() -> node.pause(anna, "lunch")).isInstanceOf(ChangeKeptException.class);
		node.makeKeptChanges();
		database.away = false;
		assertThat(state(anna).state()).isEqualTo(CounsellorState.AVAILABLE);

		node.makeKeptChanges();

		assertThat(state(anna).state()).isEqualTo(CounsellorState.PAUSED);
		assertThat(state(anna).reason()).isEqualTo("lunch");
		node.makeKeptChanges();
		assertThat(history()).isEqualTo(2);
	}

	@Test
	void changesAreMadeInTheOrderAskedAlsoWhenTheDatabaseCameBackBetweenThem() {
		database.away = true;
		assertThatThrownBy(() -> node.pause(anna, "lunch")).isInstanceOf(ChangeKeptException.class);
		database.away = false;

		// Behind the kept pause, not before it: otherwise Anna would end up paused.
		assertThatThrownBy(() -> node.resume(anna)).isInstanceOf(ChangeKeptException.class);
		node.makeKeptChanges();

		assertThat(state(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
		assertThat(history()).isEqualTo(3);
	}

	@Test
	void aKeptChangeThatNoLongerFitsIsDropped() {
		database.away = true;
		assertThatThrownBy(() -> node.endWrapUp(anna)).isInstanceOf(ChangeKeptException.class);
		assertThatThrownBy(() -> node.pause(anna, "lunch")).isInstanceOf(ChangeKeptException.class);
		database.away = false;

		node.makeKeptChanges();

		assertThat(state(anna).state()).isEqualTo(CounsellorState.PAUSED);
		assertThat(node.resume(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
	}

	private int history() {
		return jdbc.sql("select count(*) from counsellor_state_change where counsellor_id = ?").param(anna)
			.query(Integer.class).single();
	}

}
