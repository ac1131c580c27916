package org.helpline.web;

import java.util.List;

import org.helpline.IntegrationTest;
import org.helpline.helplines.HelplineSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Each helpline's routing rules through the operators' API. */
@AutoConfigureMockMvc
class RoutingApiTest extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	long id;

	@BeforeEach
	void aHelpline() {
		id = helplines.create(new HelplineSettings("Stop it Now", List.of("08002666436"), "Europe/Amsterdam", "NL",
				"nl", 25)).id();
	}

	@Test
	void aHelplineWithoutRulesRoutesByTheDefaultsAndItsOwnRingTimeout() {
		assertThat(mvc.get().uri("/api/helplines/" + id + "/routing").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.strategy", v -> v.assertThat().isEqualTo("LONGEST_IDLE"))
			.hasPathSatisfying("$.ringTimeoutSeconds", v -> v.assertThat().isEqualTo(25))
			.hasPathSatisfying("$.announce", v -> v.assertThat().isEqualTo("BOTH"))
			.hasPathSatisfying("$.wideningSeconds", v -> v.assertThat().asArray().containsExactly(60, 120));
	}

	@Test
	void operatorSetsTheRulesAndReadsThemBack() {
		assertThat(put("""
				{"strategy": "ROUND_ROBIN", "ringTimeoutSeconds": 20, "wrapUpSeconds": 90, "maxWaitSeconds": 600,
				 "announcementSeconds": 45, "announce": "POSITION", "wideningSeconds": [30], "whisper": true}""")).hasStatusOk();

		assertThat(mvc.get().uri("/api/helplines/" + id + "/routing").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.strategy", v -> v.assertThat().isEqualTo("ROUND_ROBIN"))
			.hasPathSatisfying("$.wrapUpSeconds", v -> v.assertThat().isEqualTo(90))
			.hasPathSatisfying("$.announce", v -> v.assertThat().isEqualTo("POSITION"))
			.hasPathSatisfying("$.whisper", v -> v.assertThat().isEqualTo(true));
	}

	@Test
	void operatorSetsHowLongCallersWaitForASignInWhenNobodyCanTakeCalls() {
		assertThat(put("{\"waitForSignInSeconds\": 120}")).hasStatusOk();

		assertThat(mvc.get().uri("/api/helplines/" + id + "/routing").with(operator())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.waitForSignInSeconds", v -> v.assertThat().isEqualTo(120));
		assertThat(put("{\"waitForSignInSeconds\": -1}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("waitForSignInSeconds");
	}

	@Test
	void badRulesAreRefusedNamingEveryFieldAndNothingIsStored() {
		MvcTestResult result = put("""
				{"strategy": "FASTEST", "maxWaitSeconds": 5, "announce": "SOMETIMES", "wideningSeconds": [90, 30]}""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("strategy", "maxWaitSeconds", "announce", "wideningSeconds[1]");
		assertThat(mvc.get().uri("/api/helplines/" + id + "/routing").with(operator())).bodyJson()
			.hasPathSatisfying("$.strategy", v -> v.assertThat().isEqualTo("LONGEST_IDLE"));
	}

	@Test
	void aNumberWhereSecondsBelongIsRefusedNamingTheField() {
		assertThat(put("{\"wrapUpSeconds\": \"long\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.asString()
			.isEqualTo("wrapUpSeconds");
	}

	@Test
	void rulesOfAnUnknownHelplineAreNotFound() {
		assertThat(mvc.get().uri("/api/helplines/" + (id + 1000) + "/routing").with(operator()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	private MvcTestResult put(String json) {
		return mvc.put().uri("/api/helplines/" + id + "/routing").with(operator())
			.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor operator() {
		return httpBasic("operator", "local-dev-only");
	}

}
