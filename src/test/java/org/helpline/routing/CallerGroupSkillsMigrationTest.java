package org.helpline.routing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: caller-group skills stored as the API then demanded ({@code self}) never matched the
 * menu's {@code SELF}; the migration gives them the one spelling, and leaves languages alone.
 */
class CallerGroupSkillsMigrationTest {

	@Test
	void groupSkillsStoredInLowerCaseAreUpperCasedAndLanguagesStayAsTheyWere() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:skills-" + System.nanoTime()
				+ ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
			Liquibase liquibase = liquibase(connection);
			liquibase.update(changeSetsBefore("014-caller-group-codes", liquibase), "");
			connection.setAutoCommit(true);
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			jdbc.sql("insert into counsellor (id, display_name, endpoint, state_since) values (1, 'Anna', 'counsellor-1', "
					+ "timestamp '2026-03-02 10:00:00')").update();
			jdbc.sql("insert into counsellor_skill (counsellor_id, kind, name, level) values (1, 'group', 'self', 1), "
					+ "(1, 'group', 'professional', 2), (1, 'language', 'nl', 1)").update();

			liquibase(connection).update("");
			connection.setAutoCommit(true);

			assertThat(jdbc.sql("select kind || ' ' || name || ' ' || level from counsellor_skill order by kind, name")
				.query(String.class)
				.list()).containsExactly("group PROFESSIONAL 2", "group SELF 1", "language nl 1");
		}
	}

	/** How many change sets come before the file whose name starts so. */
	private static int changeSetsBefore(String file, Liquibase liquibase) throws LiquibaseException {
		List<ChangeSet> unrun = liquibase.getDatabaseChangeLog().getChangeSets();
		for (int i = 0; i < unrun.size(); i++) {
			if (unrun.get(i).getFilePath().contains("/" + file)) {
				return i;
			}
		}
		throw new IllegalStateException("no change set " + file);
	}

	private static Liquibase liquibase(Connection connection) throws LiquibaseException {
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(connection));
		return new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(), database);
	}

}
