package org.helpline.system;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.helpline.FreshService;
import org.helpline.audit.AuditTrail;
import org.helpline.counsellors.Counsellor;
import org.helpline.counsellors.Counsellors;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.Helplines;
import org.helpline.menu.Menu;
import org.helpline.menu.Menus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start shows the product: the README's preview answers for the example line at once,
 * and the example is made once, never again after a restart or after an operator removed it.
 */
class DemoSeedTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aFirstStartHasTheDutchLineThePreviewAnswersFor() {
		try (FreshService service = FreshService.start(FreshService.newFolder("seed-first"))) {
			JsonNode weekdayMorning = preview(service, "2027-01-05T10:00");
			assertThat(weekdayMorning.get("action").asString()).isEqualTo("open");
			assertThat(weekdayMorning.get("helpline").asString()).isEqualTo("Stop it Now!");
			assertThat(weekdayMorning.get("prompts").findValuesAsString("key")).containsSequence("welcome",
					"choose-group");
			assertThat(weekdayMorning.get("transcript").asString()).isNotBlank();

			JsonNode weekdayEvening = preview(service, "2027-01-05T20:00");
			assertThat(weekdayEvening.get("action").asString()).isEqualTo("closed");
			assertThat(weekdayEvening.get("helpline").asString()).isEqualTo("Stop it Now!");
			JsonNode kingsDay = preview(service, "2027-04-27T10:00");
			assertThat(kingsDay.get("action").asString()).isEqualTo("closed");
			assertThat(preview(service, "2027-01-09T10:00").get("action").asString()).as("a Saturday")
				.isEqualTo("closed");

			Helpline line = service.bean(Helplines.class).all().getFirst();
			assertThat(line.zone().getId()).isEqualTo("Europe/Amsterdam");
			assertThat(line.language()).isEqualTo("nl");
			assertThat(line.openingHours()).hasSize(5);
			assertThat(service.bean(Menus.class).currentVersion(line.id()).menu()).isEqualTo(Menu.defaults());
			assertThat(service.bean(Counsellors.class).all()).extracting(Counsellor::endpoint)
				.containsExactly("counsellor-1", "counsellor-2");
			assertThat(service.bean(AuditTrail.class).latest(null, 100))
				.allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("seed"))
				.extracting(entry -> entry.subject() + " " + entry.action())
				.contains("helpline create", "helpline update-opening-hours", "menu update", "counsellor create");
		}
	}

	@Test
	void aRestartAddsNoSecondExample() {
		Path folder = FreshService.newFolder("seed-restart");
		try (FreshService first = FreshService.start(folder)) {
			assertThat(first.bean(Helplines.class).all()).hasSize(1);
		}
		try (FreshService again = FreshService.start(folder)) {
			assertThat(again.bean(Helplines.class).all()).extracting(Helpline::name).containsExactly("Stop it Now!");
			assertThat(again.bean(Counsellors.class).all()).hasSize(2);
			assertThat(again.bean(AuditTrail.class).latest("helpline", 100)).hasSize(2);
		}
	}

	@Test
	void anExampleTheOperatorRemovedStaysRemoved() {
		Path folder = FreshService.newFolder("seed-removed");
		try (FreshService first = FreshService.start(folder)) {
			Helplines helplines = first.bean(Helplines.class);
			helplines.all().forEach(helpline -> helplines.delete(helpline.id()));
			Counsellors counsellors = first.bean(Counsellors.class);
			counsellors.all().forEach(counsellor -> counsellors.delete(counsellor.id()));
		}
		try (FreshService again = FreshService.start(folder)) {
			assertThat(again.bean(Helplines.class).all()).isEmpty();
			assertThat(again.bean(Counsellors.class).all()).isEmpty();
		}
	}

	@Test
	void switchedOffAFirstStartIsEmpty() {
		try (FreshService service = FreshService.start(FreshService.newFolder("seed-off"), "--helpline.demo.seed=false")) {
			assertThat(service.bean(Helplines.class).all()).isEmpty();
			assertThat(service.bean(Counsellors.class).all()).isEmpty();
			assertThat(preview(service, "2027-01-05T10:00").get("action").asString()).isEqualTo("unknown");
		}
	}

	private static JsonNode preview(FreshService service, String at) {
		HttpResponse<String> response = service.get("/api/preview?number=08002666436&at=" + at);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

}
