package org.helpline.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Whether the database is PostgreSQL (production) rather than the embedded one a laptop runs
 * without setup: the few statements that PostgreSQL can do in fewer round trips, or that only
 * it can do, ask here.
 */
public final class Postgres {

	private Postgres() {
	}

	/** False also when the database cannot be asked: the portable statement works anywhere. */
	public static boolean is(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
