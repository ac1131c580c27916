package org.helpline.contact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy model's promise, checked the blunt way: calls from a known number in every
 * form, an e-mail with the number as its person key, then every row of every table in the
 * database as text, and everything logged, searched for the number's digits.
 */
@ExtendWith(OutputCaptureExtension.class)
class NothingStoredContainsTheNumberTest extends ContactIntegrationTest {

	private static final String DIGITS = "612345678";

	@Test
	void noTableAndNoLogLineHoldsTheCallersNumber(CapturedOutput output) {
		long helpline = stopItNow();
		for (String form : List.of("+31612345678", "0612345678", "0031612345678", "06-12345678")) {
			long id = answered(helpline, "2027-01-05T10:17:42Z", form, "SELF", 5, 300);
			records.wrapUp(id, new WrapUp(List.of("OWN_FEELINGS"), null, null, null));
		}
		unanswered(helpline, "2027-01-05T10:20:00Z", "+31612345678", "SELF", CallOutcome.OUT_OF_HOURS, 0);
		unanswered(helpline, "2027-01-05T10:20:00Z", "+31612345678", "bad group!", null, -1);
		records.register(new RegisteredContact(helpline, "chat", LocalDate.parse("2027-01-05"), null, null,
				"+31612345678", List.of(), null, null), null);

		List<String> dump = dumpEveryTable();

		assertThat(jdbc.sql("select count(distinct pseudonym) from contact_record").query(Long.class).single())
			.as("one person by number, one by person key").isEqualTo(2);
		assertThat(dump).isNotEmpty().noneMatch(row -> row.contains(DIGITS));
		assertThat(output.getAll()).doesNotContain(DIGITS);
	}

	/** Every row of every table outside PostgreSQL's own catalogues, as PostgreSQL prints it. */
	private List<String> dumpEveryTable() {
		List<String> rows = new ArrayList<>();
		for (Map<String, Object> table : jdbc.sql("""
				select table_schema, table_name from information_schema.tables
				where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""")
			.query()
			.listOfRows()) {
			String name = "\"" + table.get("table_schema") + "\".\"" + table.get("table_name") + "\"";
			rows.add(name);
			rows.addAll(jdbc.sql("select t::text from " + name + " t").query(String.class).list());
		}
		return rows;
	}

}
