package org.helpline.contact;

import java.util.Map;

import org.helpline.contact.ImportRejectedException.ImportProblem;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ContactImportTest extends ContactIntegrationTest {

	@Autowired
	ContactImport imports;

	@Autowired
	Retention retention;

	@Test
	void aGoodFileIsImportedWithItsTopicsAndPersonKeysOnlyAsPseudonyms() {
		long helpline = stopItNow();

		ContactImport.Result result = imports.importCsv(helpline, """
				date,channel,caller_group,topics,person_key
				2015-03-02,phone,SELF,DOWNLOADING;OWN_FEELINGS,client-17
				2015-03-09,email,PARTNER_FAMILY,PARTNER_FAMILY,
				02-11-2015,phone,,OTHER,client-17
				2016-01-04,chat,PROFESSIONAL,"PROFESSIONAL,OTHER",
				""");

		assertThat(result.imported()).isEqualTo(4);
		assertThat(result.byYear()).containsExactly(Map.entry(2015, 3), Map.entry(2016, 1));
		assertThat(jdbc.sql("select count(*) from contact_topic").query(Long.class).single()).isEqualTo(6);
		assertThat(jdbc.sql("select count(distinct pseudonym) from contact_record").query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from contact_record where source = 'import' and contact_moment")
			.query(Long.class)
			.single()).isEqualTo(4);
		Report report = reports.report(ReportPeriod.year(2015), helpline, false);
		assertThat(report.contactMoments().count().value()).isEqualTo(3);
		assertThat(report.distinctPersons().identified().value()).isEqualTo(1);
	}

	@Test
	void aBadFileIsRejectedWholeNamingEveryBadLine() {
		long helpline = stopItNow();

		assertThatThrownBy(() -> imports.importCsv(helpline, """
				date,channel,caller_group,topics,person_key
				2015-03-02,phone,SELF,DOWNLOADING,client-17
				2015-13-01,phone,SELF,DOWNLOADING,
				2015-03-04,email,SELF,,
				2015-03-05,fax,SELF,GOSSIP,
				2015-03-06,phone,ALIENS,,
				2099-01-01,phone,SELF,,
				"""))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> {
				assertThat(ex.problems()).extracting(ImportProblem::line, ImportProblem::field)
					.containsExactly(tuple(3L, "date"),
							tuple(5L, "channel"),
							tuple(5L, "topics"),
							tuple(6L, "caller_group"),
							tuple(7L, "date"));
				assertThat(ex.total()).isEqualTo(5);
			});
		assertThat(countRecords()).as("not even the good rows").isZero();
	}

	@Test
	void aRowSpreadOverTwoLinesIsNamedByTheLineItStartsOn() {
		long helpline = stopItNow();

		assertThatThrownBy(() -> imports.importCsv(helpline, """
				date,channel,topics
				2015-03-02,phone,"DOWNLOADING,
				OTHER"
				2015-03-03,phone,GOSSIP
				"""))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(ImportProblem::line).containsExactly(4L));
	}

	@Test
	void aSemicolonFileFromASpreadsheetWithAByteOrderMarkIsRead() {
		long helpline = stopItNow();

		ContactImport.Result result = imports.importCsv(helpline,
				"\uFEFFDate;Channel;Caller group;Topics\r\n2016-01-04;phone;self;downloading|own_feelings\r\n");

		assertThat(result.imported()).isEqualTo(1);
		assertThat(jdbc.sql("select caller_group from contact_record").query(String.class).single()).isEqualTo("SELF");
	}

	@Test
	void unknownAndMissingColumnsAreNamedOnTheHeaderLine() {
		long helpline = stopItNow();

		assertThatThrownBy(() -> imports.importCsv(helpline, "when,channel,phone_number\n2016-01-04,phone,0612345678\n"))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(ImportProblem::line, ImportProblem::field)
						.containsExactlyInAnyOrder(tuple(1L, "when"),
								tuple(1L, "phone_number"),
								tuple(1L, "date")));
	}

	@Test
	void aYearReducedByRetentionTakesNoMoreRecords() {
		long helpline = stopItNow();
		imports.importCsv(helpline, "date,channel\n2015-03-02,phone\n");
		retention.reduceYearsBefore(2016);

		assertThatThrownBy(() -> imports.importCsv(helpline, "date,channel\n2015-03-03,phone\n"))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> assertThat(ex.problems().getFirst().message())
				.contains("reduced to totals by retention"));
	}

	@Test
	void anEmptyFileIsRefused() {
		long helpline = stopItNow();

		assertThatThrownBy(() -> imports.importCsv(helpline, "date,channel\n"))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessageContaining("line 1");
	}

	@Test
	void theSameHistoryImportedTwiceIsRefusedNamingTheYearAlreadyHeld() {
		long helpline = stopItNow();
		String csv = "date,channel\n2015-03-02,phone\n2015-03-03,email\n2016-01-04,phone\n";
		imports.importCsv(helpline, csv);

		assertThatThrownBy(() -> imports.importCsv(helpline, csv))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> {
				assertThat(ex.problems()).extracting(ImportProblem::line, ImportProblem::field)
					.containsExactly(tuple(2L, "date"), tuple(4L, "date"));
				assertThat(ex.problems().getFirst().message())
					.isEqualTo("2015 already holds 2 imported contact moment(s) of this helpline; importing the "
							+ "year again would count them twice, so import each year once, in one file");
			});
		assertThat(countRecords()).isEqualTo(3);
	}

	@Test
	void aYearAnotherHelplineImportedIsStillOpenToThisOne() {
		long helpline = stopItNow();
		imports.importCsv(flemishLine(), "date,channel\n2015-03-02,phone\n");

		assertThat(imports.importCsv(helpline, "date,channel\n2015-03-02,phone\n").imported()).isEqualTo(1);
	}

	@Test
	void aDryRunSaysWhatTheFileWouldAddAndStoresNothing() {
		long helpline = stopItNow();

		ContactImport.Result preview = imports.preview(helpline,
				"date,channel\n2015-03-02,phone\n2015-03-03,email\n2016-01-04,phone\n");

		assertThat(preview).isEqualTo(new ContactImport.Result(3, Map.of(2015, 2, 2016, 1), false));
		assertThat(countRecords()).isZero();
	}

	@Test
	void aDryRunRefusesWhatTheImportWouldRefuse() {
		long helpline = stopItNow();
		imports.importCsv(helpline, "date,channel\n2015-03-02,phone\n");

		assertThatThrownBy(() -> imports.preview(helpline, "date,channel\n2015-05-02,phone\n"))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					ex -> assertThat(ex.problems().getFirst().message()).startsWith("2015 already holds 1"));
	}

}
