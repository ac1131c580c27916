package org.helpline.routing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import org.helpline.IntegrationTest;
import org.helpline.TestPostgres;
import org.helpline.counsellors.ChangeKeptException;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The {@code postgres} profile's timeouts: a node frozen in mid-transaction holds a counsellor's
 * row lock; the other nodes are not stopped by it, and the server frees the lock.
 */
@ActiveProfiles("postgres")
class StuckTransactionTest extends IntegrationTest {

	/** A database of its own: this application lives beside the shared one (its own routing). */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String url = TestPostgres.jdbcUrl("stuck_transaction");
		registry.add("spring.datasource.hikari.jdbc-url", () -> url);
		registry.add("spring.liquibase.url", () -> url);
	}

	@Autowired
	Presence presence;

	@Autowired
	Counsellors counsellors;

	@Autowired
	org.springframework.core.env.Environment settings;

	@Test
	void aRowLockedByAFrozenNodeDelaysAChangeBySecondsAndTheServerFreesItSoonAfter() throws SQLException {
		long anna = counsellors.create(new CounsellorSettings("Anna", "stuck-anna", null, null, Map.of(), Map.of()))
			.id();
		presence.signIn(anna);
		java.util.Properties asANode = new java.util.Properties();
		asANode.setProperty("user", "postgres");
		asANode.setProperty("options", settings.getRequiredProperty("spring.datasource.hikari.data-source-properties.options"));
		try (Connection frozenNode = DriverManager.getConnection(TestPostgres.jdbcUrl("stuck_transaction"), asANode)) {
			frozenNode.setAutoCommit(false);
			frozenNode.createStatement().execute("select state from counsellor where id = " + anna + " for update");

			long start = System.nanoTime();
			assertThatThrownBy(() -> presence.pause(anna, "lunch")).isInstanceOf(ChangeKeptException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				presence.makeKeptChanges();
				assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.PAUSED);
			});
			assertThat(frozenNode.isValid(1)).as("the server ended the frozen node's idle transaction").isFalse();
		}
	}

}
