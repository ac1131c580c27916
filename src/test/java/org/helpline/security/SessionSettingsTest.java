package org.helpline.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A page session on a shared desk ends by itself, and its cookie is kept from scripts and other sites. */
class SessionSettingsTest extends IntegrationTest {

	@Autowired
	WebApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void aPageSessionEndsAfterThirtyMinutesWithoutARequest() {
		assertThat(context.getServletContext().getSessionTimeout()).isEqualTo(30);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() throws IOException, InterruptedException {
		// A page without login remembers where it was going in a new session.
		HttpResponse<Void> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/counsellor/home")).build(),
					HttpResponse.BodyHandlers.discarding());

		List<String> cookies = response.headers().allValues("Set-Cookie");
		assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
			.singleElement()
			.satisfies(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
	}

	@Test
	void inProductionTheSessionCookieTravelsOverHttpsOnly() throws IOException {
		List<PropertySource<?>> prod = new YamlPropertySourceLoader().load("prod",
				new ClassPathResource("application-prod.yml"));

		assertThat(prod).anySatisfy(
				source -> assertThat(source.getProperty("server.servlet.session.cookie.secure")).isEqualTo(true));
	}

}
