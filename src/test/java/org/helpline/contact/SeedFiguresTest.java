package org.helpline.contact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.helpline.privacy.CallerNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of the helpline's press release of April 2017 (shared/seeds), reproduced from
 * anonymised records: 2015 and 2016 imported from history, the first quarter of 2017 from
 * calls. "In 2016 had Stop it Now! 424 contactmomenten met 221 verschillende personen …
 * Ten opzichte van 2015 bleef het aantal contactmomenten stabiel (+2%) … Alleen al in het
 * eerste kwartaal had Stop it Now! ruim 160 contactmomenten … Ten minste 179
 * contactmomenten gingen over het downloaden van kinderporno."
 */
class SeedFiguresTest extends ContactIntegrationTest {

	@Autowired
	ContactImport imports;

	long helpline;

	@BeforeEach
	void history() {
		helpline = stopItNow();
		clock.set(Instant.parse("2017-04-05T08:00:00Z"));
		imports.importCsv(helpline, year(2015, 416, 208, 160));
		imports.importCsv(helpline, year(2016, 424, 221, 179));
		// The first quarter of 2017: 163 answered calls from 90 numbers.
		for (int i = 0; i < 163; i++) {
			Instant at = LocalDate.of(2017, 1, 2).plusDays(i * 88L / 163).atTime(10, 0)
				.atZone(ZoneId.of("Europe/Amsterdam")).toInstant();
			records.recordCall(new CompletedCall(helpline, at, CallerNumber.of("06" + (20_000_000 + i % 90)),
					i % 3 == 0 ? "PARTNER_FAMILY" : "SELF", "nl", Duration.ofSeconds(i % 40), Duration.ofSeconds(4),
					Duration.ofMinutes(15), 1L, CallOutcome.ANSWERED, "phone"));
		}
	}

	@Test
	void figuresOf2016() {
		Report report = reports.report(ReportPeriod.year(2016), helpline, true);

		assertThat(report.contactMoments().count().value()).isEqualTo(424);
		assertThat(report.contactMoments().previous().value()).isEqualTo(416);
		assertThat(report.contactMoments().changePercent()).isEqualTo(1.9);
		assertThat(report.distinctPersons().count().value()).isEqualTo(221);
		assertThat(report.byTopic()).filteredOn(t -> t.code().equals("DOWNLOADING"))
			.singleElement()
			.satisfies(t -> assertThat(t.count().value()).isEqualTo(179));
		assertThat(report.byChannel()).extracting(i -> i.code() + "=" + i.count().json())
			.containsExactly("phone=318", "email=106", "chat=0");
	}

	@Test
	void theJaarcijfersParagraphOf2016() {
		Report report = reports.report(ReportPeriod.year(2016), helpline, true);

		assertThat(report.summary().get("nl")).startsWith("In 2016 had Stop it Now! 424 contactmomenten met 221 "
				+ "verschillende personen. De meeste contactmomenten kwamen van mensen die zich zorgen maakten over "
				+ "hun eigen gedrag en gevoelens. Ten opzichte van 2015 bleef het aantal contactmomenten stabiel (+2%).")
			.contains("Ten minste 179 contactmomenten gingen over downloaden van beeldmateriaal van seksueel "
					+ "kindermisbruik.");
		assertThat(report.summary().get("en")).startsWith("In 2016 Stop it Now! had 424 contact moments with 221 "
				+ "different people. Most contact moments came from people worried about their own feelings and "
				+ "behaviour. Compared with 2015 the number of contact moments remained stable (+2%).");
	}

	@Test
	void moreThan160ContactMomentsInTheFirstQuarterOf2017() {
		Report report = reports.report(ReportPeriod.year(2017), helpline, true);

		assertThat(report.parts().getFirst().period()).isEqualTo("2017-Q1");
		assertThat(report.parts().getFirst().contactMoments().count().value()).isEqualTo(163);
		assertThat(report.summary().get("nl")).startsWith("In 2017 had Stop it Now! tot nu toe 163 contactmomenten "
				+ "met 90 verschillende personen.")
			.contains("In het eerste kwartaal waren er ruim 160 contactmomenten.");
	}

	/**
	 * One year of history as the helpline's old registration would export it: contacts spread
	 * over the year, three in four by phone, {@code persons} distinct person keys, the first
	 * {@code downloading} rows about downloading.
	 */
	static String year(int year, int contacts, int persons, int downloading) {
		StringBuilder csv = new StringBuilder("date,channel,caller_group,topics,person_key\n");
		LocalDate first = LocalDate.of(year, 1, 1);
		for (int i = 0; i < contacts; i++) {
			LocalDate date = first.plusDays(i * 365L / contacts);
			String channel = i % 4 == 3 ? "email" : "phone";
			String group = switch (i % 7) {
				case 0, 1, 2, 3 -> "SELF";
				case 4, 5 -> "PARTNER_FAMILY";
				default -> i % 2 == 0 ? "PROFESSIONAL" : "OTHER";
			};
			String topic = i < downloading ? "DOWNLOADING" : i % 2 == 0 ? "OWN_FEELINGS" : "PARTNER_FAMILY";
			csv.append(date).append(',').append(channel).append(',').append(group).append(',').append(topic)
				.append(",p").append(year).append('-').append(i % persons).append('\n');
		}
		return csv.toString();
	}

}
