package org.helpline.contact;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Migration 012: gives every contact record written with a sequence number a random id
 * ({@link ContactIds}), and its topics with it. The caller of the migration has dropped the
 * topics' foreign key for the time being.
 */
public class RandomContactIdsChange implements CustomTaskChange {

	private static final int BATCH = 1_000;

	@Override
	public void execute(Database database) throws CustomChangeException {
		Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
		try {
			List<Long> old = ids(connection);
			// Rewritten rows land in the table in this order: not the order they came in.
			Collections.shuffle(old, new SecureRandom());
			Set<Long> taken = new HashSet<>(old);
			try (PreparedStatement records = connection.prepareStatement("update contact_record set id = ? where id = ?");
					PreparedStatement topics = connection
						.prepareStatement("update contact_topic set contact_id = ? where contact_id = ?")) {
				for (int i = 0; i < old.size(); i++) {
					long fresh = ContactIds.next();
					while (!taken.add(fresh)) {
						fresh = ContactIds.next();
					}
					add(records, fresh, old.get(i));
					add(topics, fresh, old.get(i));
					if ((i + 1) % BATCH == 0 || i == old.size() - 1) {
						records.executeBatch();
						topics.executeBatch();
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new CustomChangeException("Could not give the contact records random ids", ex);
		}
	}

	private static List<Long> ids(Connection connection) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("select id from contact_record");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
			}
		}
		return ids;
	}

	private static void add(PreparedStatement statement, long fresh, long old) throws SQLException {
		statement.setLong(1, fresh);
		statement.setLong(2, old);
		statement.addBatch();
	}

	@Override
	public String getConfirmationMessage() {
		return "Contact records have random ids";
	}

	@Override
	public void setUp() {
		// nothing to prepare
	}

	@Override
	public void setFileOpener(ResourceAccessor resourceAccessor) {
		// reads no files
	}

	@Override
	public ValidationErrors validate(Database database) {
		return new ValidationErrors();
	}

}
