package org.helpline.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.helpline.IntegrationTest;
import org.helpline.helplines.HelplineSettings;
import org.helpline.privacy.CallerNumber;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole application on PostgreSQL with no contacts, no summaries and the default
 * topics and referrals; helpers to record calls as the call flow would.
 */
public abstract class ContactIntegrationTest extends IntegrationTest {

	protected static final String NUMBER = "+31612345678";

	@Autowired
	protected ContactRecords records;

	@Autowired
	protected Reports reports;

	@BeforeEach
	void startWithNoContacts() {
		clock.set(Instant.parse("2027-01-05T09:00:00Z"));
		for (String table : List.of("contact_topic", "contact_record", "contact_summary", "contact_topic_summary",
				"contact_hour_summary", "contact_person_summary", "contact_cube", "contact_topic_cube",
				"contact_hour_cube", "contact_person_cube", "contact_month_cache")) {
			jdbc.sql("delete from " + table).update();
		}
		jdbc.sql("delete from topic where code not in ('OWN_FEELINGS', 'DOWNLOADING', 'HANDS_ON_WORRY', "
				+ "'PARTNER_FAMILY', 'PROFESSIONAL', 'OTHER')").update();
		jdbc.sql("update topic set active = true").update();
		jdbc.sql("delete from referral where code not in ('TREATMENT_CENTRE', 'PEER_SUPPORT_GROUP', "
				+ "'GENERAL_PRACTITIONER', 'OTHER')").update();
		jdbc.sql("update referral set active = true").update();
	}

	protected long stopItNow() {
		return helplines.create(new HelplineSettings("Stop it Now!", List.of("08002666436"), "Europe/Amsterdam", "NL",
				"nl", 25)).id();
	}

	protected long flemishLine() {
		return helplines.create(new HelplineSettings("Stop it Now Vlaanderen", List.of("080020050"), "Europe/Brussels",
				"BE", "nl", 25)).id();
	}

	/** An answered call: waited {@code waiting} seconds, talked {@code talk}. */
	protected long answered(long helpline, String startedAt, String number, String group, int waiting, int talk) {
		return records.recordCall(new CompletedCall(helpline, Instant.parse(startedAt), CallerNumber.of(number), group,
				"nl", Duration.ofSeconds(waiting), Duration.ofSeconds(3), Duration.ofSeconds(talk), 1L,
				CallOutcome.ANSWERED, "phone"));
	}

	protected long unanswered(long helpline, String startedAt, String number, String group, CallOutcome outcome,
			int waiting) {
		return records.recordCall(new CompletedCall(helpline, Instant.parse(startedAt), CallerNumber.of(number), group,
				"nl", Duration.ofSeconds(waiting), Duration.ZERO, Duration.ZERO, null, outcome, "phone"));
	}

	protected long countRecords() {
		return jdbc.sql("select count(*) from contact_record").query(Long.class).single();
	}

}
