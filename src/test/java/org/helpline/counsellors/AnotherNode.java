package org.helpline.counsellors;

import java.time.Clock;
import javax.sql.DataSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The counsellors' side of another node of the service, for tests in other packages: its own
 * connection pool, the same database, clock and settings as the application's.
 */
public final class AnotherNode {

	private AnotherNode() {
	}

	/** A presence like the application's, on this database; its events go to {@code events} only. */
	public static Presence presence(BeanFactory application, DataSource database, ApplicationEventPublisher events) {
		return new Presence(store(database), application.getBean(Clock.class), events,
				application.getBean(PresenceProperties.class));
	}

	public static CounsellorCalls calls(DataSource database) {
		return new CounsellorCalls(JdbcClient.create(database));
	}

	/** Stops the node's writer, as the node's shutdown would. */
	public static void stop(CounsellorCalls calls) {
		calls.stop();
	}

	/** Whether the counsellor is still ringing for the claim with this token, as the database has it. */
	public static boolean ringingFor(DataSource database, long counsellorId, long claimToken) {
		return store(database).find(counsellorId).map(row -> row.ringingFor(claimToken)).orElse(false);
	}

	private static CounsellorStore store(DataSource database) {
		return new CounsellorStore(JdbcClient.create(database), new DataSourceTransactionManager(database), database);
	}

}
