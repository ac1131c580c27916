package org.helpline.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.helpline.IntegrationTest;
import org.helpline.TestPostgres;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.callflow.CallEnded;
import org.helpline.callflow.CallerLeft;
import org.helpline.counsellors.AnotherNode;
import org.helpline.counsellors.CounsellorCalls;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorStateChanged;
import org.helpline.counsellors.CounsellorStatus;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.helpline.counsellors.RingResult;
import org.helpline.helplines.HelplineSettings;
import org.helpline.routing.QueueOutcome.Offered;
import org.helpline.routing.QueueOutcome.StillWaiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing against the whole application and a real PostgreSQL, with the test clock. Waiting
 * is asked with a zero announcement period, so nothing blocks; time passes by moving the
 * clock and running the routing loop's work once.
 */
abstract class RoutingTest extends IntegrationTest {

	static final Instant NINE = Instant.parse("2027-01-05T09:00:00Z");

	/** This test's own queue, made as the application makes its own; see {@link #aQueueOfItsOwn}. */
	CallQueue queue;

	/** The routing loop's work on this test's queue. */
	RoutingLoop loop;

	/** This test's queue's meters. */
	SimpleMeterRegistry meters;

	@Autowired
	Presence presence;

	@Autowired
	Counsellors counsellors;

	@Autowired
	HelplineRouting routing;

	@Autowired
	RoutingProperties properties;

	@Autowired
	CounsellorCalls counsellorCalls;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ConfigurableApplicationContext application;

	private final ApplicationListener<PayloadApplicationEvent<?>> events = new ToThisQueue();

	long helplineId;

	@BeforeEach
	void anEmptyQueueAndNoCounsellors() {
		clock.set(NINE);
		jdbc.sql("delete from waiting_caller").update();
		jdbc.sql("delete from counsellor").update();
		jdbc.sql("delete from counsellor_state_change").update();
		helplineId = helplines.create(new HelplineSettings("Stop it Now", List.of("08002666436"), "Europe/Amsterdam",
				"NL", "nl", 25)).id();
		aQueueOfItsOwn();
		application.addApplicationListener(events);
	}

	@AfterEach
	void stopTheQueue() {
		application.removeApplicationListener(events);
		queue.stopSharing();
	}

	/**
	 * A queue like the application's, with its collaborators, but empty and a node of its own,
	 * as after a restart of the service. The application's events reach it; the application's
	 * own queue hears them too and holds none of this test's callers.
	 */
	void aQueueOfItsOwn() {
		meters = new SimpleMeterRegistry();
		queue = new CallQueue(presence, routing, clock, properties, meters,
				new OtherNodes(application.getBean(DataSource.class), transactions));
		loop = new RoutingLoop(presence, queue, counsellorCalls, properties, new SimpleMeterRegistry());
	}

	long counsellor(String name, Map<String, Integer> groups, Map<String, Integer> languages) {
		return counsellors.create(new CounsellorSettings(name, name.toLowerCase(Locale.ROOT), null, null, groups, languages)).id();
	}

	long signedIn(String name) {
		long id = counsellor(name, Map.of(), Map.of());
		presence.signIn(id);
		return id;
	}

	void rules(RoutingSettings settings) {
		routing.update(helplineId, settings);
	}

	static RoutingSettings strategy(String strategy) {
		return new RoutingSettings(strategy, null, null, null, null, null, null, null);
	}

	static RoutingSettings wrapUp(int seconds) {
		return new RoutingSettings(null, null, seconds, null, null, null, null, null);
	}

	void join(String callId) {
		queue.join(callId, helplineId, new CallerGroup("SELF"), Language.DUTCH, clock.instant());
	}

	/** The counsellor offered to this caller right now; fails when the caller is still waiting. */
	Offer offerFor(String callId) {
		QueueOutcome outcome = queue.await(callId, Duration.ZERO);
		assertThat(outcome).isInstanceOf(Offered.class);
		return ((Offered) outcome).offer();
	}

	Announcement announcementFor(String callId) {
		QueueOutcome outcome = queue.await(callId, Duration.ZERO);
		assertThat(outcome).isInstanceOf(StillWaiting.class);
		return ((StillWaiting) outcome).announcement();
	}

	/** Offered, answered and ended at once: the counsellor is free again when wrap-up is 0. */
	void talkTo(String callId, long counsellorId) {
		assertThat(offerFor(callId).counsellorId()).isEqualTo(counsellorId);
		queue.ringResult(callId, RingResult.ANSWERED);
		queue.leave(callId);
	}

	CounsellorStatus state(long counsellorId) {
		return presence.status(counsellorId);
	}

	void passes(Duration duration) {
		clock.advance(duration);
		loop.runOnce();
	}

	int waiting() {
		return queue.summaries().stream().filter(s -> s.helplineId() == helplineId).mapToInt(QueueSummary::waiting)
			.sum();
	}

	/**
	 * Another node of the service: its own queue, presence and connection pool, the same database
	 * and clock. Its presence's events reach its own queue only, as between two processes.
	 */
	CallQueue secondInstance(HikariDataSource dataSource) {
		CallQueue[] queue = new CallQueue[1];
		Presence presence = AnotherNode.presence(application, dataSource, event -> {
			if (event instanceof CounsellorStateChanged changed) {
				queue[0].counsellorChanged(changed);
			}
		});
		queue[0] = new CallQueue(presence, routing, clock, properties, new SimpleMeterRegistry(),
				new OtherNodes(dataSource, new DataSourceTransactionManager(dataSource)));
		return queue[0];
	}

	/** What the queue's {@code @EventListener} methods hear in the application, in the same order. */
	private final class ToThisQueue implements ApplicationListener<PayloadApplicationEvent<?>>, Ordered {

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<?> event) {
			switch (event.getPayload()) {
				case CounsellorStateChanged changed -> queue.counsellorChanged(changed);
				case CallEnded ended -> queue.ended(ended);
				case CallerLeft left -> queue.callerLeft(left);
				default -> {
				}
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	static HikariDataSource pool() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(TestPostgres.jdbcUrl());
		config.setUsername("postgres");
		config.setMaximumPoolSize(8);
		return new HikariDataSource(config);
	}

}
