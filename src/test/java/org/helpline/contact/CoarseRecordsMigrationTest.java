package org.helpline.contact;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.helpline.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11, item 5: records written before durations were bucketed and ids made random are
 * brought to the same standard by a migration, on the embedded database and on PostgreSQL.
 */
class CoarseRecordsMigrationTest {

	private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void recordsWrittenBeforeAreCoarsenedFlaggedAndReKeyed(String database) throws Exception {
		try (Connection connection = freshDatabase(database)) {
			Liquibase liquibase = liquibase(connection);
			liquibase.update(changeSetsBefore("012-", liquibase), "");
			connection.setAutoCommit(true);
			JdbcClient jdbc = JdbcClient.create(dataSource(connection));
			// As the old code wrote them: exact seconds, ids from the sequence.
			oldCall(jdbc, "ANSWERED", 19, 4, 1_234, "DOWNLOADING");
			oldCall(jdbc, "ANSWERED", 21, 7, 59, "OWN_FEELINGS");
			oldCall(jdbc, "ABANDONED_WAITING", 95, null, null, null);
			List<Long> oldIds = jdbc.sql("select id from contact_record order by id").query(Long.class).list();

			liquibase(connection).update("");
			connection.setAutoCommit(true);

			List<Map<String, Object>> rows = jdbc.sql("""
					select id, outcome, waiting_seconds, ringing_seconds, talk_seconds, duration_resolution_seconds,
					  answered_within_service_level, service_level_seconds, (select min(topic_code) from contact_topic t
					  where t.contact_id = r.id) as topic
					from contact_record r order by waiting_seconds, talk_seconds desc""").query().listOfRows();
			assertThat(rows).extracting(r -> r.get("outcome") + " " + r.get("waiting_seconds") + "/"
					+ r.get("ringing_seconds") + "/" + r.get("talk_seconds") + " per "
					+ r.get("duration_resolution_seconds") + " within=" + r.get("answered_within_service_level") + "@"
					+ r.get("service_level_seconds") + " " + r.get("topic"))
				.containsExactly("ANSWERED 0/0/1230 per 30 within=true@20 DOWNLOADING",
						"ANSWERED 0/0/30 per 30 within=false@20 OWN_FEELINGS",
						"ABANDONED_WAITING 90/null/null per 30 within=null@null null");
			List<Long> newIds = rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
			assertThat(newIds).doesNotContainAnyElementsOf(oldIds).allSatisfy(id -> assertThat(id).isGreaterThan(1_000));
			assertThat(jdbc.sql("select count(*) from contact_topic").query(Long.class).single()).isEqualTo(2);
			assertThatThrownBy(() -> oldCall(jdbc, "ANSWERED", 1, 1, 1, null))
				.as("no sequence is left to number a record").isInstanceOf(Exception.class);
			jdbc.sql("delete from contact_record where outcome = 'ANSWERED'").update();
			assertThat(jdbc.sql("select count(*) from contact_topic").query(Long.class).single())
				.as("topics still go with their record").isZero();
		}
	}

	private static void oldCall(JdbcClient jdbc, String outcome, Integer waiting, Integer ringing, Integer talk,
			String topic) {
		jdbc.sql("""
				insert into contact_record (helpline_id, channel, source, started_local, period_year, period_month,
				  waiting_seconds, ringing_seconds, talk_seconds, outcome, contact_moment, withheld, wrapped_up)
				values (1, 'phone', 'call', timestamp '2026-03-02 10:00:00', 2026, 3, ?, ?, ?, ?, ?, true, false)""")
			.params(waiting, ringing, talk, outcome, "ANSWERED".equals(outcome))
			.update();
		if (topic != null) {
			jdbc.sql("""
					insert into contact_topic (contact_id, topic_code, helpline_id, period_year, period_month)
					select max(id), ?, 1, 2026, 3 from contact_record""").param(topic).update();
		}
	}

	/** How many change sets come before the first of the file whose name starts so (all if none). */
	private static int changeSetsBefore(String file, Liquibase liquibase) throws LiquibaseException {
		// On a new database every change set is still to run, in the changelog's order.
		List<ChangeSet> unrun = liquibase.getDatabaseChangeLog().getChangeSets();
		for (int i = 0; i < unrun.size(); i++) {
			if (unrun.get(i).getFilePath().contains("/" + file)) {
				return i;
			}
		}
		return unrun.size();
	}

	private static Liquibase liquibase(Connection connection) throws LiquibaseException {
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(connection));
		return new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
	}

	private static Connection freshDatabase(String database) throws SQLException {
		if (database.equals("h2")) {
			// As the embedded database is configured, but for DATABASE_TO_LOWER: with it Liquibase
			// 4.33 cannot find its own table on a second run (liquibase/liquibase#7436).
			return DriverManager.getConnection("jdbc:h2:mem:migration-" + System.nanoTime()
					+ ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
		}
		Connection connection = DriverManager.getConnection(TestPostgres.jdbcUrl("migration_test"), "postgres", "");
		try (Statement statement = connection.createStatement()) {
			statement.execute("drop schema public cascade");
			statement.execute("create schema public");
		}
		return connection;
	}

	private static DataSource dataSource(Connection connection) {
		return new SingleConnectionDataSource(connection, true);
	}

}
