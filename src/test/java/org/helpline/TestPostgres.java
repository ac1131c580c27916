package org.helpline;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server for the whole test run (binaries from a Maven package), stopped
 * when the JVM exits.
 */
public final class TestPostgres {

	private static EmbeddedPostgres server;

	private TestPostgres() {
	}

	/**
	 * A database of its own on the shared server, for a test whose application context lives
	 * beside the shared one: two live contexts on one database are two instances of the
	 * service, each with its own test clock, and they would disturb each other's routing.
	 */
	public static synchronized String jdbcUrl(String database) {
		jdbcUrl();
		try (var connection = server.getPostgresDatabase().getConnection();
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			if (!exists.executeQuery().next()) {
				connection.createStatement().execute("create database " + database);
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Cannot create test database " + database, ex);
		}
		return server.getJdbcUrl("postgres", database);
	}

	public static synchronized String jdbcUrl() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
		}
		return server.getJdbcUrl("postgres", "postgres");
	}

	private static synchronized void stop() {
		try {
			server.close();
		}
		catch (IOException ex) {
			// the JVM is going away; nothing left to clean up
		}
	}

}
