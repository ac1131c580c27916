package org.helpline.web.page;

import java.time.LocalDate;
import java.util.List;

import org.helpline.web.page.CounsellorPageController.RegisterForm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11, item 9: the counsellor's form for an e-mail or chat does not write out its person key. */
class RegisterFormTest {

	@Test
	void theFormDoesNotShowItsPersonKey() {
		RegisterForm form = new RegisterForm(1L, "email", LocalDate.of(2027, 1, 4), "SELF", "nl", "worried.father@example.org",
				List.of(), null, "");

		assertThat(form.toString()).doesNotContain("worried").contains("personKey=***");
	}

}
