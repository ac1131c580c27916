package org.helpline.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpline.IntegrationTest;
import org.helpline.TestPostgres;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.DeviceState;
import org.helpline.counsellors.Presence;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.schedule.OpeningInterval;
import org.helpline.security.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * ops/monitoring: the alert rules pass promtool's check and their unit tests, every alert is
 * tested firing and not firing and has its runbook section, every dashboard query is PromQL,
 * and every metric an alert or a dashboard query names is one the running service exports to
 * a scrape-only (METRICS) account once it has taken a call. promtool is Debian's
 * {@code prometheus} package (.ci/run installs it); without it these tests fail, they do not
 * skip. The service talks to a fake Asterisk manager, so its AMI gauge is there too.
 */
@DirtiesContext
class MonitoringTest extends IntegrationTest {

	private static final Path MONITORING = Path.of("ops/monitoring");

	private static final Path ALERTS = MONITORING.resolve("alerts.yml");

	private static final Path ALERT_TESTS = MONITORING.resolve("alerts-test.yml");

	private static final Path DASHBOARD = MONITORING.resolve("dashboard.json");

	private static final Path RUNBOOK = Path.of("ops/runbook-monitoring.md");

	private static final String NUMBER = "08002666436";

	private static final String CALLER = "0612345678";

	private static final String PHONE = "monitoring-phone";

	private static final FakeAmi asterisk = new FakeAmi(PHONE, "NOT_INUSE", "NOT_INUSE");

	@DynamicPropertySource
	static void ownDatabaseAndAFakeAsterisk(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("monitoring_tests"));
		registry.add("helpline.ami.enabled", () -> true);
		registry.add("helpline.ami.port", asterisk::port);
		registry.add("helpline.ami.max-retry-delay", () -> "1s");
	}

	@AfterAll
	static void stopTheFake() throws IOException {
		asterisk.close();
	}

	@Autowired
	Accounts accounts;

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	@Value("${local.server.port}")
	int httpPort;

	@Test
	void alertRulesAndTheExampleConfigurationPassPromtoolsChecksAndTheRulesTheirUnitTests() {
		assertThat(promtool("check", "rules", ALERTS.toString())).contains("SUCCESS");
		assertThat(promtool("test", "rules", ALERT_TESTS.toString())).contains("SUCCESS");
		assertThat(promtool("check", "config", MONITORING.resolve("prometheus.yml").toString()))
			.contains("is valid prometheus config file syntax");
	}

	@Test
	void everyAlertIsTestedFiringAndNotFiringAndHasItsAnnotationsAndRunbookSection() throws IOException {
		String runbook = Files.readString(RUNBOOK);
		Map<String, Set<Boolean>> tested = new LinkedHashMap<>();
		for (Map<String, Object> test : list(yaml(ALERT_TESTS).get("tests"))) {
			for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
				tested.computeIfAbsent((String) check.get("alertname"), a -> new TreeSet<>())
					.add(!((List<?>) check.get("exp_alerts")).isEmpty());
			}
		}
		List<Map<String, Object>> alerts = alerts();
		assertThat(alerts).hasSizeGreaterThanOrEqualTo(14);
		for (Map<String, Object> alert : alerts) {
			String name = (String) alert.get("alert");
			assertThat(tested.get(name)).as("%s tested firing and not firing", name).containsExactly(false, true);
			@SuppressWarnings("unchecked")
			Map<String, String> annotations = (Map<String, String>) alert.get("annotations");
			assertThat(annotations).as(name).containsKeys("summary", "description", "runbook");
			String anchor = name.toLowerCase(java.util.Locale.ROOT);
			assertThat(annotations.get("runbook")).isEqualTo("ops/runbook-monitoring.md#" + anchor);
			assertThat(runbook).as("runbook section for " + name).contains("\n### " + name + "\n");
		}
	}

	@Test
	void everyDashboardQueryIsPromQlThatPromtoolAccepts() throws IOException {
		// As recording rules, with Grafana's variables given values, promtool parses each query.
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
		int i = 0;
		for (String expression : dashboardExpressions()) {
			String concrete = withoutGrafanaFunctions(expression).replace("$__rate_interval", "1m")
				.replace("$helpline", ".*");
			rules.append("      - record: dashboard_query_").append(i++).append("\n        expr: '")
				.append(concrete.replace("'", "''")).append("'\n");
		}
		Path file = Path.of("target/monitoring/dashboard-queries.yml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, rules);
		assertThat(promtool("check", "rules", file.toString())).contains("SUCCESS: " + i + " rules found");
	}

	@Test
	void everyMetricTheAlertsAndTheDashboardNameIsExportedToTheScrapeAccountOnceACallWentThrough()
			throws IOException {
		takeOneAnsweredCall();
		await().atMost(Duration.ofSeconds(10)).until(() -> scrape().contains("helpline_ami_connected{"));

		String scraped = scrape();
		// Kept for a look at what Prometheus gets (series, sizes); under target/ only.
		Files.createDirectories(Path.of("target/monitoring"));
		Files.writeString(Path.of("target/monitoring/scrape.txt"), scraped);

		Set<String> exported = exportedNames(scraped);
		Set<String> named = new TreeSet<>();
		alerts().forEach(alert -> named.addAll(metricNames((String) alert.get("expr"))));
		dashboardExpressions().forEach(expression -> named.addAll(metricNames(expression)));
		assertThat(named).as("the names found, a check of the extraction itself")
			.contains("up", "helpline_routing_calls_waiting", "helpline_calls_ended_total",
					"helpline_agi_script_seconds_count", "helpline_agi_script_seconds_bucket",
					"helpline_routing_decision_seconds", "helpline_bookkeeping_pending");
		assertThat(missing(named, exported)).as("named by an alert or the dashboard, not exported").isEmpty();
		assertThat(scraped).contains("helpline_ami_connected{application=\"helpline\"} 1.0")
			.contains("helpline_agi_accepting{application=\"helpline\"} 1.0")
			.containsPattern("helpline_calls_ended_total\\{[^}]*helpline=\"Monitoring line\"[^}]*outcome=\"answered\"[^}]*} 1\\.0")
			.contains("helpline_pseudonym_keys_missing{application=\"helpline\"} 0.0")
			.doesNotContain(CALLER);
	}

	@Test
	void aQueryNamingAMetricTheServiceDoesNotExportIsCaught() {
		Set<String> exported = Set.of("helpline_calls_ended_total", "helpline_routing_counsellors");
		Set<String> named = metricNames(
				"sum by (helpline) (rate(helpline_calls_ended_totl{outcome=\"answered\"}[$__rate_interval])) "
						+ "/ on (helpline) group_left max(helpline_routing_counsellors{state!=\"signed_out\"} offset 1h)"
						+ " and on () up{job=\"helpline\"} == 1");

		assertThat(named).containsExactlyInAnyOrder("helpline_calls_ended_totl", "helpline_routing_counsellors", "up");
		assertThat(missing(named, exported)).containsExactly("helpline_calls_ended_totl");
	}

	/** An open line, a free counsellor, and a call through the FastAGI server: queued, answered, ended. */
	private void takeOneAnsweredCall() {
		clock.set(LocalDateTime.parse("2027-01-05T10:00").atZone(ZoneId.of("Europe/Amsterdam")).toInstant());
		jdbc.sql("delete from counsellor").update();
		Helpline helpline = helplines
			.create(new HelplineSettings("Monitoring line", List.of(NUMBER), "Europe/Amsterdam", "NL", "nl", 25));
		List<OpeningInterval> weekdays = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			weekdays.add(new OpeningInterval(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
		}
		helplines.replaceOpeningHours(helpline.id(), weekdays);
		long anna = counsellors.create(new CounsellorSettings("Anna", PHONE, null, null, Map.of(), Map.of())).id();
		presence.signIn(anna);
		await().atMost(Duration.ofSeconds(20)).until(() -> asterisk.logins() > 0);
		try {
			asterisk.boot();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(presence.status(anna).device()).isEqualTo(DeviceState.IDLE);
			assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
		});

		FakeAsterisk caller = new FakeAsterisk(agiPort()).callerNumber(CALLER);
		assertThat(caller.call(NUMBER).variables()).containsEntry("HELPLINE_DESTINATION", "PJSIP/" + PHONE);
		clock.advance(Duration.ofSeconds(4));
		new FakeAsterisk(agiPort()).run("answered?call=" + caller.uniqueId(), NUMBER);
		clock.advance(Duration.ofSeconds(60));
		caller.run("ended?dialstatus=ANSWER&talk=60", NUMBER);
		assertThat(jdbc.sql("select count(*) from contact_record where outcome = 'ANSWERED'").query(Long.class).single())
			.isEqualTo(1);
	}

	/** What Prometheus gets, over HTTP, with an account that has only the METRICS role. */
	private String scrape() throws IOException {
		String user = "prometheus-t";
		String password = "scrape-only-for-the-test";
		if (accounts.all().stream().noneMatch(a -> a.username().equals(user))) {
			accounts.create(user, password, List.of("METRICS"), null);
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Series names in an exposition: what a query can name (a histogram's _bucket, _count, …). */
	static Set<String> exportedNames(String exposition) {
		Set<String> names = new TreeSet<>();
		for (String line : exposition.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				names.add(line.split("[{ ]", 2)[0]);
			}
		}
		return names;
	}

	/** {@code up} is Prometheus's own, not the service's. */
	static Set<String> missing(Set<String> named, Set<String> exported) {
		Set<String> missing = new TreeSet<>(named);
		missing.removeAll(exported);
		missing.remove("up");
		return missing;
	}

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"and", "or", "unless", "bool", "offset", "inf", "nan");

	private static final Pattern LABEL_LISTS = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	/** Grafana's {@code label_values(metric, label)} reads the metric. */
	static String withoutGrafanaFunctions(String expression) {
		return expression.replaceAll("label_values\\(\\s*([^,)]+)\\s*,\\s*\\w+\\s*\\)", "$1");
	}

	/** The metric names a PromQL expression (or a Grafana variable's label_values) reads. */
	static Set<String> metricNames(String expression) {
		String e = withoutGrafanaFunctions(expression)
			.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\$\\{?\\w+}?", " ")
			.replaceAll("\\boffset\\s+\\w+", " ");
		e = LABEL_LISTS.matcher(e).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher m = NAME.matcher(e);
		while (m.find()) {
			boolean function = e.substring(m.end()).stripLeading().startsWith("(");
			boolean partOfNumber = m.start() > 0 && Character.isDigit(e.charAt(m.start() - 1));
			if (!function && !partOfNumber && !KEYWORDS.contains(m.group().toLowerCase(java.util.Locale.ROOT))) {
				names.add(m.group());
			}
		}
		return names;
	}

	private static List<String> dashboardExpressions() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			collectTargets(panel, expressions);
		}
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if ("query".equals(variable.path("type").asString())) {
				JsonNode query = variable.path("query");
				expressions.add(query.isObject() ? query.path("query").asString() : query.asString());
			}
		}
		assertThat(expressions).as("queries in the dashboard").hasSizeGreaterThan(10);
		return expressions;
	}

	private static void collectTargets(JsonNode panel, List<String> expressions) {
		for (JsonNode target : panel.path("targets")) {
			expressions.add(target.path("expr").asString());
		}
		for (JsonNode inner : panel.path("panels")) {
			collectTargets(inner, expressions);
		}
	}

	private static List<Map<String, Object>> alerts() throws IOException {
		List<Map<String, Object>> alerts = new ArrayList<>();
		for (Map<String, Object> group : list(yaml(ALERTS).get("groups"))) {
			alerts.addAll(list(group.get("rules")));
		}
		return alerts;
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		return new Yaml().load(Files.readString(file));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	/** Runs promtool and returns what it printed; fails on a non-zero exit or when it is not installed. */
	private static String promtool(String... arguments) {
		List<String> command = new ArrayList<>(List.of("promtool"));
		command.addAll(List.of(arguments));
		Path output = Path.of("target/monitoring/promtool-" + arguments[0] + ".txt");
		Process process;
		try {
			Files.createDirectories(output.getParent());
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
				.redirectOutput(output.toFile())
				.start();
		}
		catch (IOException ex) {
			return fail("promtool is not installed: apt-get install prometheus (.ci/run does): " + ex.getMessage());
		}
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				return fail("promtool " + String.join(" ", arguments) + " did not finish in 60 s");
			}
			String printed = Files.readString(output);
			assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", arguments), printed).isZero();
			return printed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			process.destroyForcibly();
		}
	}

}
