package org.helpline.system;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.helpline.audit.AuditTrail;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.Counsellors;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.helplines.Helplines;
import org.helpline.menu.Menu;
import org.helpline.menu.Menus;
import org.helpline.schedule.OpeningInterval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The example a first start shows, so the README's preview, the pages and {@code ops/demo.sh}
 * have something to work on: the Dutch line of the press release and two counsellors whose
 * desk phones are the sandbox's {@code counsellor-1} and {@code counsellor-2}. Made through
 * the same services and validation as an operator's changes, audited as {@code seed}, in one
 * transaction (all of it or nothing). Only on an empty database: no helpline, no counsellor and
 * nothing ever audited, so what an operator deleted (the example included) stays deleted.
 * Never in {@code prod}.
 */
@Component
@Profile("!prod")
class DemoSeed implements ApplicationRunner {

	static final String ACTOR = "seed";

	static final String NUMBER = "08002666436";

	private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

	// The press release says "iedere werkdag geopend" without hours; office hours, so an evening
	// call hears the closed message (the README's preview example at 20:00).
	private static final LocalTime OPENS = LocalTime.of(9, 0);

	private static final LocalTime CLOSES = LocalTime.of(17, 0);

	private final DemoProperties properties;

	private final Helplines helplines;

	private final Counsellors counsellors;

	private final Menus menus;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	DemoSeed(DemoProperties properties, Helplines helplines, Counsellors counsellors, Menus menus, AuditTrail audit,
			JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.properties = properties;
		this.helplines = helplines;
		this.counsellors = counsellors;
		this.menus = menus;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.seed()) {
			return;
		}
		Boolean seeded;
		try {
			seeded = transaction.execute(status -> seed());
		}
		catch (DataIntegrityViolationException ex) {
			// Two nodes started together on one empty database: the other one made it.
			log.info("The example helpline was made by another node at the same time");
			return;
		}
		if (Boolean.TRUE.equals(seeded)) {
			log.info("First start: created the example helpline {} ({}, Mon-Fri {}-{}) and counsellors on the "
					+ "desk phones counsellor-1 and counsellor-2 (helpline.demo.seed=false to start empty)",
					"Stop it Now!", NUMBER, OPENS, CLOSES);
		}
	}

	/** Makes the example when the database is empty; false when it is not. Joins the caller's transaction. */
	boolean seed() {
		if (!emptyDatabase()) {
			return false;
		}
		return audit.as(ACTOR, () -> {
			Helpline helpline = helpline();
			counsellor("Anna", "counsellor-1", Map.of("nl", 1, "en", 2));
			counsellor("Bram", "counsellor-2", Map.of("nl", 1, "en", 1));
			menus.save(helpline.id(), Menu.defaults(), ACTOR);
			return true;
		});
	}

	private boolean emptyDatabase() {
		return helplines.all().isEmpty() && counsellors.all().isEmpty()
				&& jdbc.sql("select count(*) from audit_entry").query(Long.class).single() == 0;
	}

	private Helpline helpline() {
		Helpline created = helplines.create(
				new HelplineSettings("Stop it Now!", List.of(NUMBER), "Europe/Amsterdam", "NL", "nl", null));
		List<OpeningInterval> weekdays = List
			.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
			.stream()
			.map(day -> new OpeningInterval(day, OPENS, CLOSES))
			.toList();
		// Created lines are closed on the public holidays of their country (HolidayPolicy.DEFAULT).
		return helplines.replaceOpeningHours(created.id(), weekdays);
	}

	// No caller-group skills: the menu queues callers as SELF, PARTNER_FAMILY, … while a
	// counsellor's groups must be lower case (issue 12), and a counsellor with any group skill
	// would then take none of them. Without, each takes every group at level 1.
	private void counsellor(String name, String endpoint, Map<String, Integer> languages) {
		counsellors.create(new CounsellorSettings(name, endpoint, null, null, Map.of(), languages));
	}

}
