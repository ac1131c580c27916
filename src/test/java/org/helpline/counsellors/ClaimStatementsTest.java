package org.helpline.counsellors;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;

import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.helpline.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim is one statement on PostgreSQL and a transaction of three on the embedded
 * database; both must leave the same rows: the counsellor ringing, one history entry at the
 * hour, and a token that grows with every claim.
 */
class ClaimStatementsTest {

	private static final Instant NOW = Instant.parse("2027-03-02T10:17:42Z");

	private static final Instant EXPIRES = NOW.plusSeconds(40);

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "h2" })
	void aClaimAtTheSeenVersionRingsTheCounsellorWithOneHistoryEntryAndAGrowingToken(String database)
			throws Exception {
		DataSource data = database(database);
		JdbcClient jdbc = JdbcClient.create(data);
		CounsellorStore store = new CounsellorStore(jdbc, new DataSourceTransactionManager(data), data);
		long anna = available(jdbc, "Anna", 4);
		long bram = available(jdbc, "Bram", 9);

		OptionalLong first = store.claim(anna, 0, NOW, EXPIRES);
		OptionalLong second = store.claim(bram, 0, NOW, EXPIRES);

		assertThat(first).hasValue(10);
		assertThat(second).hasValue(11);
		CounsellorRow ringing = store.find(anna).orElseThrow();
		assertThat(ringing.state()).isEqualTo(CounsellorState.RINGING);
		assertThat(ringing.version()).isEqualTo(1);
		assertThat(ringing.ringSeq()).isEqualTo(10);
		assertThat(ringing.claimExpires()).isEqualTo(EXPIRES);
		assertThat(history(jdbc, anna)).containsExactly("RINGING 2027-03-02T10:00:00Z");
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "h2" })
	void aClaimAtAnOlderVersionOrOfSomeoneNotAvailableChangesNothing(String database) throws Exception {
		DataSource data = database(database);
		JdbcClient jdbc = JdbcClient.create(data);
		CounsellorStore store = new CounsellorStore(jdbc, new DataSourceTransactionManager(data), data);
		long anna = available(jdbc, "Anna", 4);

		assertThat(store.claim(anna, 7, NOW, EXPIRES)).isEmpty();
		assertThat(store.claim(anna, 0, NOW, EXPIRES)).isPresent();
		assertThat(store.claim(anna, 1, NOW, EXPIRES)).as("ringing already").isEmpty();

		assertThat(history(jdbc, anna)).containsExactly("RINGING 2027-03-02T10:00:00Z");
	}

	private static long available(JdbcClient jdbc, String name, long ringSeq) {
		jdbc.sql("""
				insert into counsellor (display_name, endpoint, state, state_since, ring_seq)
				values (?, ?, 'AVAILABLE', timestamp '2027-03-02 08:00:00', ?)""")
			.params(name, "phone-" + name, ringSeq)
			.update();
		return jdbc.sql("select id from counsellor where display_name = ?").param(name).query(Long.class).single();
	}

	private static List<String> history(JdbcClient jdbc, long id) {
		return jdbc.sql("select state, at from counsellor_state_change where counsellor_id = ?")
			.param(id)
			.query((rs, row) -> rs.getString(1) + " " + rs.getObject(2, OffsetDateTime.class).toInstant())
			.list();
	}

	/** A fresh database of the kind named, with the application's schema. */
	private static DataSource database(String kind) throws SQLException, LiquibaseException {
		String name = "claims_" + System.nanoTime();
		DataSource data = kind.equals("postgres") ? new DriverManagerDataSource(TestPostgres.jdbcUrl(name), "postgres", "")
				: new DriverManagerDataSource("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
						"sa", "");
		try (Connection connection = data.getConnection()) {
			new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(),
					DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)))
				.update("");
		}
		return data;
	}

}
