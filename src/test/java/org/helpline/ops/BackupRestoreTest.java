package org.helpline.ops;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.helpline.HelplineApplication;
import org.helpline.IntegrationTest;
import org.helpline.TestPostgres;
import org.helpline.audit.AuditTrail;
import org.helpline.contact.CallOutcome;
import org.helpline.contact.CompletedCall;
import org.helpline.contact.ContactImport;
import org.helpline.contact.ContactRecords;
import org.helpline.contact.RegisteredContact;
import org.helpline.contact.Report;
import org.helpline.contact.ReportPeriod;
import org.helpline.contact.Reports;
import org.helpline.contact.WrapUp;
import org.helpline.helplines.HelplineSettings;
import org.helpline.privacy.CallerNumber;
import org.helpline.routing.CounsellorSettings;
import org.helpline.routing.Counsellors;
import org.helpline.security.Accounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ops/backup.sh} and {@code ops/restore.sh} as an operator runs them, against the
 * service's real PostgreSQL schema and data written through the service: the backup holds no
 * pseudonym key, no caller's number and no row of the live tables, and a database restored
 * from it into an empty one gives the analysts the same reports, table for table the same rows.
 */
@ActiveProfiles("postgres")
class BackupRestoreTest extends IntegrationTest {

	private static final String ORIGINAL = "backup_original";

	private static final String RESTORED = "backup_restored";

	private static final Path WORK = Path.of("target/backup-test").toAbsolutePath();

	private static final Path KEYS = WORK.resolve("keys");

	private static final Path BACKUPS = WORK.resolve("backups");

	private static final String CALLER = "+31612345678";

	private static final String PERSON_KEY = "worried-father@example.org";

	private static final Instant NOW = Instant.parse("2027-03-10T10:00:00Z");

	private static final List<String> LIVE_TABLES = List.of("waiting_caller", "counsellor_call");

	private static final String ANALYST_PASSWORD = "analyst-backup-test";

	/** The service's database user and schema, as ops/install/install.sh sets them up. */
	private static final String USER = "backup_helpline";

	private static final String PASSWORD = "backup-db-password";

	private static final String SCHEMA = "helpline";

	/** A key given in the environment file beside the database settings: it must not travel. */
	private static final String KEY_IN_ENVIRONMENT = "a2V5LWluLXRoZS1lbnZpcm9ubWVudC1maWxlLTIwMjQ=";

	/**
	 * A database of its own (it is dumped whole, and a second application opens its copy), with
	 * the service's own user and schema, not the superuser's.
	 */
	@DynamicPropertySource
	static void ownDatabaseUserAndKeys(DynamicPropertyRegistry registry) throws SQLException {
		String url = prepare(ORIGINAL);
		registry.add("spring.datasource.hikari.jdbc-url", () -> url);
		registry.add("spring.datasource.hikari.username", () -> USER);
		registry.add("spring.datasource.hikari.password", () -> PASSWORD);
		registry.add("spring.liquibase.url", () -> url);
		registry.add("spring.liquibase.user", () -> USER);
		registry.add("spring.liquibase.password", () -> PASSWORD);
		registry.add("helpline.privacy.key-folder", KEYS::toString);
	}

	/**
	 * What the installer does on a new server before the service first starts: the service's
	 * user may connect and owns an empty schema of its own, nobody else may do anything.
	 * @return the database's URL without a user
	 */
	private static String prepare(String database) throws SQLException {
		String url = TestPostgres.jdbcUrl(database);
		try (Connection connection = DriverManager.getConnection(url); var sql = connection.createStatement()) {
			sql.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + USER + "') then "
					+ "create role " + USER + " login password '" + PASSWORD + "'; end if; end $$");
			sql.execute("revoke all on database " + database + " from public");
			sql.execute("grant connect, temporary on database " + database + " to " + USER);
			sql.execute("alter role " + USER + " in database " + database + " set search_path = " + SCHEMA);
			sql.execute("revoke all on schema public from public");
			sql.execute("create schema if not exists " + SCHEMA + " authorization " + USER);
		}
		return url.substring(0, url.indexOf('?'));
	}

	@Autowired
	ContactRecords records;

	@Autowired
	ContactImport imports;

	@Autowired
	Counsellors counsellors;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	Reports reports;

	@Autowired
	Environment settings;

	@Test
	void aBackupHoldsNoKeyNumberOrLiveCallAndItsRestoreIntoAnEmptyDatabaseGivesTheSameReports() throws Exception {
		for (Path old : dumpsIn(BACKUPS)) {
			Files.delete(old);
		}
		clock.set(NOW);
		long helpline = helplines
			.create(new HelplineSettings("Stop it Now!", List.of("08002666436"), "Europe/Amsterdam", "NL", "nl", 25))
			.id();
		long anna = counsellors.create(new CounsellorSettings("Anna", "backup-anna", null, null, Map.of(), Map.of()))
			.id();
		long bram = counsellors.create(new CounsellorSettings("Bram", "backup-bram", null, null, Map.of(), Map.of()))
			.id();
		// as the operator API records these changes
		audit.record("helpline", helpline, "create", null, helplines.get(helpline));
		audit.record("counsellor", anna, "create", null, counsellors.get(anna));
		accounts.create("backup-analyst", ANALYST_PASSWORD, List.of("ANALYST"), null);
		// Bram answered the past calls (their records tell routing so); Anna is on the live one.
		recordHistory(helpline, bram);
		liveCallInProgress(helpline, anna);

		List<Report> before = reportsOf(reports, helpline);
		String beforeOverHttp = reportOverHttp(settings, helpline);
		List<String> keys = keyValues();

		Result refused = run(List.of("bash", "ops/backup.sh", "--env-file", environmentFile(ORIGINAL), "--dir",
				KEYS.resolve("nested").toString()));
		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).contains("pseudonym key folder");
		assertThat(dumpsIn(KEYS)).isEmpty();

		Map<String, Long> original = rowCounts(ORIGINAL);
		assertThat(original).as("the live tables hold a call in progress (and Bram's last record)")
			.containsEntry("waiting_caller", 1L)
			.containsEntry("counsellor_call", 2L);
		for (String table : List.of("helpline", "counsellor", "users", "audit_entry", "contact_record", "contact_topic",
				"contact_month_cache", "databasechangelog")) {
			assertThat(original.get(table)).as("rows in " + table).isPositive();
		}
		Result backup = run(List.of("bash", "ops/backup.sh", "--env-file", environmentFile(ORIGINAL), "--dir",
				BACKUPS.toString(), "--verify"));
		assertThat(backup.exitCode()).as(backup.output()).isZero();
		Path dump = Path.of(backup.stdout().strip());
		assertThat(dump.getParent()).isEqualTo(BACKUPS);
		assertThat(dump.getFileName().toString()).matches("helpline-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z\\.dump");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump))).isEqualTo("rw-------");
		assertThat(dumpsIn(BACKUPS)).containsExactly(dump);

		holdsNothingSecret(dump, keys);

		Result notEmpty = run(
				List.of("bash", "ops/restore.sh", "--env-file", environmentFile(ORIGINAL), dump.toString()));
		assertThat(notEmpty.exitCode()).as(notEmpty.output()).isEqualTo(2);
		assertThat(notEmpty.output()).contains("not empty");
		assertThat(rowCounts(ORIGINAL)).isEqualTo(original);

		String restoredUrl = prepare(RESTORED);
		Result restore = run(
				List.of("bash", "ops/restore.sh", "--env-file", environmentFile(RESTORED), dump.toString()));
		assertThat(restore.exitCode()).as(restore.output()).isZero();

		Map<String, Long> expected = new LinkedHashMap<>(original);
		LIVE_TABLES.forEach(table -> expected.put(table, 0L));
		assertThat(rowCounts(RESTORED)).as("every table's rows, the live tables empty").isEqualTo(expected);
		assertThat(unloggedTables(RESTORED)).containsExactlyInAnyOrderElementsOf(LIVE_TABLES);

		try (ConfigurableApplicationContext restored = startOn(restoredUrl)) {
			assertThat(reportsOf(restored.getBean(Reports.class), helpline)).usingRecursiveComparison()
				.isEqualTo(before);
			assertThat(reportOverHttp(restored.getEnvironment(), helpline)).isEqualTo(beforeOverHttp);
		}
	}

	/** Two years of calls, an e-mail with a person key, wrap-ups and imported history. */
	private void recordHistory(long helpline, long counsellor) {
		String[] numbers = { CALLER, "0612345678", "+31687654321", "+31611111111", "anonymous" };
		String[] groups = { "SELF", "SELF", "PARTNER_FAMILY", "PROFESSIONAL", "OTHER" };
		CallOutcome[] unanswered = { CallOutcome.ABANDONED_WAITING, CallOutcome.OUT_OF_HOURS,
				CallOutcome.ABANDONED_IN_MENU };
		Instant start = Instant.parse("2026-01-05T09:17:00Z");
		for (int i = 0; i < 60; i++) {
			Instant at = start.plus(Duration.ofHours(i * 97L));
			CompletedCall call = i % 4 == 3
					? new CompletedCall(helpline, at, CallerNumber.of(numbers[i % 5]), groups[i % 5], "nl",
							Duration.ofSeconds(10 + i), Duration.ZERO, Duration.ZERO, null, unanswered[i % 3], "phone")
					: new CompletedCall(helpline, at, CallerNumber.of(numbers[i % 5]), groups[i % 5],
							i % 7 == 0 ? "en" : "nl", Duration.ofSeconds(i % 40), Duration.ofSeconds(4),
							Duration.ofSeconds(60 + 37L * i), counsellor, CallOutcome.ANSWERED, "phone");
			long id = records.recordCall(call);
			if (call.outcome() == CallOutcome.ANSWERED && i % 2 == 0) {
				records.wrapUp(id, new WrapUp(List.of(i % 3 == 0 ? "DOWNLOADING" : "OWN_FEELINGS"),
						i % 5 == 0 ? "TREATMENT_CENTRE" : null, null, null));
			}
		}
		records.register(new RegisteredContact(helpline, "email", LocalDate.parse("2026-05-04"), "SELF", "nl",
				PERSON_KEY, List.of("HANDS_ON_WORRY"), "PEER_SUPPORT_GROUP", null), counsellor);
		imports.importCsv(helpline, """
				date,channel,caller_group,topics,person_key
				2025-03-02,phone,SELF,DOWNLOADING;OWN_FEELINGS,client-17
				2025-03-09,email,PARTNER_FAMILY,PARTNER_FAMILY,
				02-11-2025,phone,,OTHER,client-17
				2025-12-04,chat,PROFESSIONAL,"PROFESSIONAL,OTHER",client-18
				""");
	}

	/** What the nodes share while a caller waits and Anna talks: never to be in a backup. */
	private void liveCallInProgress(long helpline, long counsellor) {
		jdbc.sql("""
				insert into waiting_caller (id, node_id, helpline_id, caller_group, language, entered_at, offered, seen_at)
				values ('live-caller-in-the-queue', 'another-node', ?, 'SELF', 'nl', ?, true, ?)""")
			.params(helpline, java.sql.Timestamp.from(NOW.minusSeconds(41)), java.sql.Timestamp.from(NOW))
			.update();
		jdbc.sql("""
				insert into counsellor_call (counsellor_id, caller_group, language, waited_seconds, tag, answered_at)
				values (?, 'SELF', 'nl', 17, 'live-call-tag', ?)""")
			.params(counsellor, java.sql.Timestamp.from(NOW.minusSeconds(133)))
			.update();
	}

	private static List<Report> reportsOf(Reports reports, long helpline) {
		List<Report> all = new ArrayList<>();
		for (boolean published : new boolean[] { false, true }) {
			all.add(reports.report(ReportPeriod.year(2026), helpline, published));
			all.add(reports.report(ReportPeriod.year(2025), helpline, published));
			all.add(reports.report(ReportPeriod.parse("2026-Q2"), helpline, published));
			all.add(reports.report(ReportPeriod.parse("2026-11"), null, published));
		}
		assertThat(all.getFirst().contactMoments().count().value()).as("a report with figures in it").isPositive();
		assertThat(all.get(1).distinctPersons().count().value()).as("imported history with persons").isPositive();
		return all;
	}

	/** The yearly figures as the analysts fetch them, JSON and CSV. */
	private static String reportOverHttp(Environment application, long helpline)
			throws IOException, InterruptedException {
		String base = "http://127.0.0.1:" + application.getRequiredProperty("local.server.port")
				+ "/api/reports/2026?helpline=" + helpline;
		String authorization = "Basic " + Base64.getEncoder()
			.encodeToString(("backup-analyst:" + ANALYST_PASSWORD).getBytes(StandardCharsets.UTF_8));
		StringBuilder bodies = new StringBuilder();
		try (HttpClient client = HttpClient.newHttpClient()) {
			for (String query : List.of("", "&published=true&format=csv")) {
				HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + query))
					.header("Authorization", authorization)
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				bodies.append(response.body()).append('\n');
			}
		}
		return bodies.toString();
	}

	/** The same service on the restored database, at the same moment; Liquibase runs on its start. */
	private ConfigurableApplicationContext startOn(String url) {
		SpringApplication application = new SpringApplication(HelplineApplication.class);
		application.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
		return application.run("--spring.profiles.active=postgres", "--server.port=0", "--helpline.agi.port=0",
				"--helpline.ami.enabled=false", "--helpline.security.accept-local-defaults=true",
				"--helpline.prompts.audio-folder=target/test-prompts", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD,
				"--helpline.privacy.key-folder=" + KEYS, "--spring.main.banner-mode=off");
	}

	private static List<String> keyValues() throws IOException {
		try (Stream<Path> files = Files.list(KEYS)) {
			List<String> keys = files.filter(file -> file.getFileName().toString().matches("pseudonym-\\d{4}\\.key"))
				.map(BackupRestoreTest::read)
				.map(String::strip)
				.toList();
			assertThat(keys).as("this year's and the imported year's keys").hasSizeGreaterThanOrEqualTo(2);
			return keys;
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<Path> dumpsIn(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> file.getFileName().toString().contains(".dump")).toList();
		}
	}

	/**
	 * pg_dump's custom format is compressed: read as SQL, every stored value is plain text (and
	 * the values that are stored are found there, so a search that finds nothing means it).
	 */
	private static void holdsNothingSecret(Path dump, List<String> keys)
			throws IOException, InterruptedException, SQLException {
		Result sql = run(List.of("pg_restore", "--file=-", dump.toString()));
		assertThat(sql.exitCode()).as(sql.output()).isZero();
		String content = sql.stdout();
		assertThat(content).as("the dump read as SQL shows what is stored")
			.contains("Stop it Now!", "backup-analyst", hex(ORIGINAL,
					"select pseudonym from helpline.contact_record where pseudonym is not null order by id limit 1"));
		String raw = Files.readString(dump, StandardCharsets.ISO_8859_1);
		for (String key : keys) {
			byte[] bytes = Base64.getDecoder().decode(key);
			assertThat(content).doesNotContain(key, HexFormat.of().formatHex(bytes));
			assertThat(raw).doesNotContain(key, new String(bytes, StandardCharsets.ISO_8859_1));
		}
		assertThat(content).as("no key, number, person key or key folder")
			.doesNotContain(KEY_IN_ENVIRONMENT, CALLER, CALLER.substring(1), "0612345678", PERSON_KEY, KEYS.toString())
			.as("no row of the live tables")
			.doesNotContain("live-caller-in-the-queue", "live-call-tag");
	}

	private static Map<String, Long> rowCounts(String database) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (Connection connection = DriverManager.getConnection(TestPostgres.jdbcUrl(database))) {
			List<String> tables = new ArrayList<>();
			try (var result = connection.createStatement()
				.executeQuery("select tablename from pg_tables where schemaname = '" + SCHEMA + "' order by tablename")) {
				while (result.next()) {
					tables.add(result.getString(1));
				}
			}
			for (String table : tables) {
				try (var result = connection.createStatement()
					.executeQuery("select count(*) from " + SCHEMA + "." + table)) {
					result.next();
					counts.put(table, result.getLong(1));
				}
			}
		}
		assertThat(counts).containsKeys("contact_record", "counsellor", "users", "authorities", "audit_entry",
				"databasechangelog");
		return counts;
	}

	private static List<String> unloggedTables(String database) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(TestPostgres.jdbcUrl(database));
				var result = connection.createStatement()
					.executeQuery("select relname from pg_class where relpersistence = 'u' and relkind = 'r'")) {
			while (result.next()) {
				tables.add(result.getString(1));
			}
		}
		return tables;
	}

	private static String hex(String database, String query) throws SQLException {
		try (Connection connection = DriverManager.getConnection(TestPostgres.jdbcUrl(database));
				var result = connection.createStatement().executeQuery(query)) {
			assertThat(result.next()).as(query).isTrue();
			return HexFormat.of().formatHex(result.getBytes(1));
		}
	}

	/**
	 * The service's environment file as the installer writes it: the database settings, the key
	 * folder, and other secrets, here a pseudonym key.
	 */
	private static String environmentFile(String database) throws IOException {
		Files.createDirectories(WORK);
		Path file = WORK.resolve(database + ".env");
		String url = TestPostgres.jdbcUrl(database);
		Files.writeString(file, String.join("\n", "# the service's settings",
				"HELPLINE_DB_URL=\"" + url.substring(0, url.indexOf('?')) + "\"", "HELPLINE_DB_USER=" + USER,
				"HELPLINE_DB_PASSWORD=" + PASSWORD, "HELPLINE_PRIVACY_KEY_FOLDER=" + KEYS,
				"HELPLINE_PSEUDONYM_KEY_2024=" + KEY_IN_ENVIRONMENT, ""));
		return file.toString();
	}

	/** Runs a script as an operator would, with nothing of the test's own environment about the database. */
	private static Result run(List<String> command) throws IOException, InterruptedException {
		Files.createDirectories(WORK);
		File out = Files.createTempFile(WORK, "out", ".txt").toFile();
		File err = Files.createTempFile(WORK, "err", ".txt").toFile();
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
		builder.environment().keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("HELPLINE_"));
		Process process = builder.start();
		try {
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command) + " ended").isTrue();
			return new Result(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
		}
		finally {
			process.destroyForcibly();
			Files.deleteIfExists(out.toPath());
			Files.deleteIfExists(err.toPath());
		}
	}

	private record Result(int exitCode, String stdout, String stderr) {

		String output() {
			return stdout + stderr;
		}

	}

}
