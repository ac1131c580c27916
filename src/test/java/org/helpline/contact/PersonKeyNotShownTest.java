package org.helpline.contact;

import java.time.LocalDate;
import java.util.List;

import org.helpline.privacy.CallerNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, item 9: a person key (the address an e-mail came from, a chat name) identifies
 * someone as surely as a number does. Whatever logs or puts one of these in an exception
 * message must not write it out.
 */
class PersonKeyNotShownTest {

	private static final String KEY = "worried.father@example.org";

	@Test
	void aRegisteredContactDoesNotShowItsPersonKey() {
		RegisteredContact contact = new RegisteredContact(1L, "email", LocalDate.parse("2027-01-04"), "SELF", "nl",
				KEY, List.of("DOWNLOADING"), null, null);

		assertThat(contact.toString()).doesNotContain(KEY).doesNotContain("worried").contains("personKey=***")
			.contains("channel=email");
	}

	@Test
	void aRegisteredContactWithoutPersonKeySaysSo() {
		RegisteredContact contact = new RegisteredContact(1L, "chat", LocalDate.parse("2027-01-04"), null, null,
				null, List.of(), null, false);

		assertThat(contact.toString()).contains("personKey=null");
	}

	@Test
	void aCompletedCallDoesNotShowTheCallersNumber() {
		CompletedCall call = new CompletedCall(1L, null, CallerNumber.of("+31612345678"), null, null, null, null,
				null, null, CallOutcome.ANSWERED, "phone");

		assertThat(call.toString()).doesNotContain("612345678").contains("CallerNumber[***]");
	}

}
