package org.helpline.routing;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/** A database that can be made unreachable, as a stopped server is to a pool. */
final class AwayDataSource extends DelegatingDataSource {

	volatile boolean away;

	AwayDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (away) {
			throw new SQLException("Connection refused", "08001");
		}
		return super.getConnection();
	}

}
