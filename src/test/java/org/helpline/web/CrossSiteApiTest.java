package org.helpline.web;

import org.helpline.IntegrationTest;
import org.helpline.prompts.TestAudio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.web.ApiUsers.operator;

/**
 * A browser that remembers an operator's Basic login sends it with whatever another website
 * makes it post. Such requests change nothing; scripts (no Origin, no Fetch Metadata) and our
 * own pages still can.
 */
@AutoConfigureMockMvc
class CrossSiteApiTest extends IntegrationTest {

	static final String HELPLINE = """
			{"name":"Stop it Now","numbers":["08002666436"],"timeZone":"Europe/Amsterdam","country":"NL",
			 "language":"nl"}""";

	@Autowired
	MockMvcTester mvc;

	@BeforeEach
	void operatorAccount(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder passwords) {
		ApiUsers.ensure(accounts, passwords);
	}

	@Test
	void aChangeFromAnotherSiteIsRefusedByFetchMetadata() {
		assertThat(mvc.post().uri("/api/helplines").with(operator()).header("Sec-Fetch-Site", "cross-site")
			.contentType(MediaType.APPLICATION_JSON).content(HELPLINE)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/helplines").with(operator()).header("Sec-Fetch-Site", "same-site")
			.contentType(MediaType.APPLICATION_JSON).content(HELPLINE)).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(helplines.all()).isEmpty();
	}

	@Test
	void aChangeFromAnotherOriginIsRefusedWhereTheBrowserSendsNoFetchMetadata() {
		assertThat(mvc.post().uri("/api/helplines").with(operator()).header("Origin", "https://evil.example")
			.contentType(MediaType.APPLICATION_JSON).content(HELPLINE)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/helplines").with(operator()).header("Origin", "null")
			.contentType(MediaType.APPLICATION_JSON).content(HELPLINE)).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(helplines.all()).isEmpty();
	}

	@Test
	void aRecordingUploadedFromAnotherSiteIsRefused() {
		assertThat(mvc.post().uri("/api/prompts/en/queue-hold/audio").with(operator())
			.header("Sec-Fetch-Site", "cross-site")
			.multipart()
			.file(new MockMultipartFile("file", "hold.wav", "audio/wav", TestAudio.cdStereoWav(1)))).hasStatus(
					HttpStatus.FORBIDDEN);
	}

	@Test
	void anImportPostedAsAPlainTextFormIsNotAccepted() {
		long helpline = helplines.create(new org.helpline.helplines.HelplineSettings("Stop it Now",
				java.util.List.of("08002666436"), "Europe/Amsterdam", "NL", "nl", 25)).id();

		assertThat(mvc.post().uri("/api/contacts/import?helpline=" + helpline).with(operator())
			.contentType(MediaType.TEXT_PLAIN).content("date,channel\n2016-01-04,phone\n"))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(mvc.post().uri("/api/helplines").with(operator())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("name=x"))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

		assertThat(jdbc.sql("select count(*) from contact_record where helpline_id = ?").param(helpline)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void scriptsAndTheServicesOwnOriginStillChangeThings() {
		assertThat(mvc.post().uri("/api/helplines").with(operator()).contentType(MediaType.APPLICATION_JSON)
			.content(HELPLINE)).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.put().uri("/api/helplines/" + helplines.all().getFirst().id() + "/opening-hours")
			.with(operator())
			.header("Origin", "http://localhost")
			.header("Sec-Fetch-Site", "same-origin")
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"17:00\"}]")).hasStatusOk();
	}

}
