package org.helpline.web.page;

import java.nio.charset.StandardCharsets;

import org.helpline.contact.ContactIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The import page: a file is checked and shown, stored only when the operator confirms. */
@AutoConfigureMockMvc
class ImportPageTest extends ContactIntegrationTest {

	private static final String CSV = "date,channel\n2015-03-02,phone\n2015-03-03,email\n2016-01-04,phone\n";

	@Autowired
	MockMvcTester mvc;

	@Test
	void theCheckedFileShowsWhatItWouldAddAndOnlyTheConfirmationStoresIt() {
		long helpline = stopItNow();

		assertThat(check(helpline)).hasStatusOk()
			.bodyText()
			.contains("Wat het bestand zou toevoegen aan Stop it Now!", "<th scope=\"row\">2015</th><td>2</td>",
					"3 contactmomenten opslaan");
		assertThat(countRecords()).isZero();

		assertThat(mvc.post().uri("/operator/import").multipart().param("helpline", Long.toString(helpline))
			.param("csv", CSV).with(operator()).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/operator/import")
			.flash().containsKey("stored");
		assertThat(countRecords()).isEqualTo(3);
	}

	@Test
	void theSameFileCheckedAgainAfterItsImportIsRefusedNamingTheYear() {
		long helpline = stopItNow();
		mvc.post().uri("/operator/import").multipart().param("helpline", Long.toString(helpline)).param("csv", CSV)
			.with(operator()).with(csrf()).exchange();

		assertThat(check(helpline)).hasStatusOk()
			.bodyText()
			.contains("Het bestand is geweigerd; er is niets opgeslagen.", "regel 2", "2015 heeft al 2 geïmporteerde")
			.doesNotContain("import-confirm", "already holds");
		assertThat(countRecords()).isEqualTo(3);
	}

	private MvcTestResult check(long helpline) {
		return mvc.post().uri("/operator/import/preview").multipart()
			.file(new MockMultipartFile("file", "history.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)))
			.param("helpline", Long.toString(helpline))
			.with(operator()).with(csrf()).exchange();
	}

	private static RequestPostProcessor operator() {
		return user(PageUsers.OPERATOR).roles("OPERATOR");
	}

}
