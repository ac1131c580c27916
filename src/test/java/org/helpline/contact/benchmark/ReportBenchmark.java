package org.helpline.contact.benchmark;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.helpline.HelplineApplication;
import org.helpline.TestClock;
import org.helpline.TestPostgres;
import org.helpline.contact.Report;
import org.helpline.contact.ReportCsv;
import org.helpline.contact.ReportPeriod;
import org.helpline.contact.Reports;
import org.helpline.helplines.HelplineSettings;
import org.helpline.helplines.Helplines;
import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: loads contact records into an embedded PostgreSQL with COPY and times the
 * reports analysts ask for. Run with {@code ops/benchmark-reports.sh [records]}; the result
 * table is printed in Markdown for BENCHMARKS.md.
 *
 * <p>
 * The worst case for an annual report: all records fall in the two years it reads (the year
 * and the one before, for the change in %), 60 % in the reported year, spread over three
 * helplines, with a realistic mix of outcomes and channels and about 100,000 distinct
 * callers a year.
 */
public final class ReportBenchmark {

	private static final String[] GROUPS = { "SELF", "SELF", "SELF", "PARTNER_FAMILY", "PROFESSIONAL", "OTHER" };

	private static final String[] TOPICS = { "OWN_FEELINGS", "DOWNLOADING", "HANDS_ON_WORRY", "PARTNER_FAMILY",
			"PROFESSIONAL", "OTHER" };

	private static final int WARM_UP = 3;

	private static final int RUNS = 10;

	private ReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		Path keys = Files.createTempDirectory("benchmark-keys");
		SpringApplication app = new SpringApplication(HelplineApplication.class);
		// The service's own Clock (the real time until the benchmark moves it)
		TestClock clock = new TestClock();
		clock.set(Instant.now());
		app.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
		try (ConfigurableApplicationContext context = app.run("--server.port=0",
				"--helpline.agi.enabled=false", "--helpline.ami.enabled=false",
				"--helpline.security.accept-local-defaults=true", "--helpline.demo.seed=false",
				"--spring.datasource.url=" + TestPostgres.jdbcUrl(),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--helpline.privacy.key-folder=" + keys, "--logging.level.root=WARN",
				"--spring.main.banner-mode=off")) {
			Helplines helplines = context.getBean(Helplines.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Reports reports = context.getBean(Reports.class);
			List<Long> ids = List.of(helpline(helplines, "Stop it Now!", "08002666436"),
					helpline(helplines, "Stop it Now Vlaanderen", "080020050"),
					helpline(helplines, "Stop it Now UK", "08081000900"));
			int year = Year.now().getValue() - 1;

			long loadStart = System.nanoTime();
			load(context.getBean(DataSource.class), jdbc, ids, year, records);
			double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
			long stored = jdbc.sql("select count(*) from contact_record").query(Long.class).single();
			long topics = jdbc.sql("select count(*) from contact_topic").query(Long.class).single();

			List<String> table = new ArrayList<>();
			table.add("| report | scope | median ms | min ms | max ms |");
			table.add("| --- | --- | ---: | ---: | ---: |");
			ReportPeriod annual = ReportPeriod.year(year);
			long coldStart = System.nanoTime();
			reports.report(annual, null, false);
			long cold = (System.nanoTime() - coldStart) / 1_000_000;
			table.add("| first annual " + year + " after loading (groups and caches " + (year - 1) + " and " + year
					+ ") | all helplines | " + cold + " | | |");
			table.add(time("annual " + year + ", JSON (internal)", "one helpline",
					() -> reports.report(annual, ids.getFirst(), false)));
			table.add(time("annual " + year + ", published", "one helpline",
					() -> reports.report(annual, ids.getFirst(), true)));
			table.add(time("annual " + year + ", JSON (internal)", "all helplines",
					() -> reports.report(annual, null, false)));
			table.add(time("annual " + year + ", CSV", "all helplines",
					() -> ReportCsv.write(reports.report(annual, null, true))));
			table.add(time("quarter " + year + "-Q2", "all helplines",
					() -> reports.report(ReportPeriod.quarter(year, 2), null, false)));
			table.add(time("month " + year + "-03", "one helpline",
					() -> reports.report(ReportPeriod.month(year, 3), ids.getFirst(), false)));
			// The same year while it runs: November and December and its persons come from the records.
			clock.set(LocalDate.of(year, 11, 20).atStartOfDay(ZoneOffset.UTC).toInstant());
			jdbc.sql("delete from contact_month_cache").update();
			table.add(time("annual " + year + " on 20 November (2 months live)", "all helplines",
					() -> reports.report(annual, null, false)));
			table.add(time("annual " + year + " on 20 November (2 months live)", "one helpline",
					() -> reports.report(annual, ids.getFirst(), false)));
			// Nothing has ended yet: every month from the records, as without the cache.
			clock.set(LocalDate.of(year - 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
			jdbc.sql("delete from contact_month_cache").update();
			table.add(time("annual " + year + " without cache (all 24 months live)", "all helplines",
					() -> reports.report(annual, null, false)));
			clock.set(Instant.now());

			Report sample = reports.report(annual, null, false);
			System.out.printf(Locale.ROOT, "%n%,d contact records (%,d in %d, %,d contact moments), %,d topics, "
					+ "loaded in %.1f s%n%n", stored, sample.callAttempts().count().value() + countOther(sample), year,
					sample.contactMoments().count().value(), topics, loadSeconds);
			table.forEach(System.out::println);
			System.out.printf(Locale.ROOT, "%nPostgreSQL %s, Java %s, %d cores; %d warm-up runs, %d timed runs each%n",
					jdbc.sql("show server_version").query(String.class).single(), Runtime.version(),
					Runtime.getRuntime().availableProcessors(), WARM_UP, RUNS);
		}
	}

	private static long countOther(Report report) {
		return report.byChannel().stream().filter(i -> !i.code().equals("phone")).mapToLong(i -> i.count().value())
			.sum();
	}

	private static long helpline(Helplines helplines, String name, String number) {
		return helplines.byDialledNumber(number)
			.map(h -> h.id())
			.orElseGet(() -> helplines.create(new HelplineSettings(name, List.of(number), "Europe/Amsterdam", "NL",
					"nl", 25)).id());
	}

	private static String time(String report, String scope, Supplier<Object> run) {
		for (int i = 0; i < WARM_UP; i++) {
			Object _ = run.get();
		}
		long[] millis = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			Object _ = run.get();
			millis[i] = (System.nanoTime() - start) / 1_000_000;
		}
		Arrays.sort(millis);
		return "| " + report + " | " + scope + " | " + millis[RUNS / 2] + " | " + millis[0] + " | "
				+ millis[RUNS - 1] + " |";
	}

	/** COPY in chunks; then topics for the contact moments, and fresh planner statistics. */
	private static void load(DataSource dataSource, JdbcClient jdbc, List<Long> helplines, int year, int records)
			throws Exception {
		jdbc.sql("delete from contact_topic").update();
		jdbc.sql("delete from contact_record").update();
		SplittableRandom random = new SplittableRandom(2017);
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		HexFormat hex = HexFormat.of();
		try (Connection connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder chunk = new StringBuilder();
			for (int i = 0; i < records; i++) {
				int y = i % 10 < 6 ? year : year - 1;
				LocalDateTime start = start(random, y);
				double roll = random.nextDouble();
				String channel = roll < 0.90 ? "phone" : roll < 0.97 ? "email" : "chat";
				boolean phone = channel.equals("phone");
				boolean weekend = start.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue();
				boolean open = !weekend && start.getHour() >= 9 && start.getHour() < 17;
				String outcome = !phone ? null : !open ? "OUT_OF_HOURS" : outcome(random.nextDouble());
				boolean moment = !phone || "ANSWERED".equals(outcome);
				boolean withheld = random.nextDouble() < 0.2;
				String pseudonym = "\\N";
				if (!withheld) {
					sha.update(ByteBuffer.allocate(8).putInt(y).putInt(random.nextInt(100_000)).array());
					pseudonym = "\\\\x" + hex.formatHex(sha.digest());
				}
				int waiting = "ANSWERED".equals(outcome) || "ABANDONED_WAITING".equals(outcome) ? random.nextInt(90)
						: 0;
				// Random ids as the service draws them; unique by their low 32 bits.
				chunk.append(((long) random.nextInt(1 << 20) << 32) | (i + 1)).append('\t')
					.append(helplines.get(i % helplines.size())).append('\t')
					.append(channel).append('\t')
					.append(phone ? "call" : "registered").append('\t')
					.append(start).append('\t')
					.append(y).append('\t')
					.append(start.getMonthValue()).append('\t')
					.append(phone ? (start.getDayOfWeek().getValue() - 1) * 24 + start.getHour() : "\\N").append('\t')
					.append(GROUPS[random.nextInt(GROUPS.length)]).append('\t')
					.append(random.nextInt(10) == 0 ? "en" : "nl").append('\t')
					.append(phone ? waiting / 30 * 30 : "\\N").append('\t')
					.append(phone ? 0 : "\\N").append('\t')
					.append("ANSWERED".equals(outcome) ? (60 + random.nextInt(3_000)) / 30 * 30 : phone ? 0 : "\\N")
					.append('\t')
					.append(moment && phone ? 1 + random.nextInt(12) : "\\N").append('\t')
					.append(outcome == null ? "\\N" : outcome).append('\t')
					.append(moment).append('\t')
					.append(withheld).append('\t')
					.append(pseudonym).append('\t')
					.append(withheld && moment ? random.nextBoolean() : "\\N").append('\t')
					.append(moment && random.nextInt(5) == 0 ? "TREATMENT_CENTRE" : "\\N").append('\t')
					.append(moment).append('\t')
					.append(phone ? "30" : "\\N").append('\t')
					.append("ANSWERED".equals(outcome) ? waiting <= 20 : "\\N").append('\t')
					.append("ANSWERED".equals(outcome) ? "20" : "\\N").append('\n');
				if (chunk.length() > 8_000_000 || i == records - 1) {
					copy.copyIn("""
							copy contact_record (id, helpline_id, channel, source, started_local, period_year,
							  period_month, hour_of_week, caller_group, language, waiting_seconds, ringing_seconds,
							  talk_seconds, counsellor_id, outcome, contact_moment, withheld, pseudonym, returning_caller,
							  referral_code, wrapped_up, duration_resolution_seconds, answered_within_service_level,
							  service_level_seconds) from stdin""", new StringReader(chunk.toString()));
					chunk.setLength(0);
				}
			}
		}
		// One topic for every contact moment, a second for one in three.
		for (String extra : List.of("", "and id % 3 = 0")) {
			jdbc.sql("insert into contact_topic (contact_id, topic_code, helpline_id, period_year, period_month) "
					+ "select id, (array['" + String.join("','", TOPICS) + "'])[1 + (id + " + extra.length()
					+ ") % 6], helpline_id, period_year, period_month from contact_record where contact_moment "
					+ extra)
				.update();
		}
		jdbc.sql("vacuum analyze contact_record").update();
		jdbc.sql("vacuum analyze contact_topic").update();
	}

	/** Three in four calls come while the line is open (working days 9-17), the rest at any hour. */
	private static LocalDateTime start(SplittableRandom random, int year) {
		LocalDate day = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
		if (random.nextInt(4) == 0) {
			return day.atTime(random.nextInt(24), 0);
		}
		while (day.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue()) {
			day = day.plusDays(1);
		}
		return day.withYear(year).atTime(9 + random.nextInt(8), 0);
	}

	private static String outcome(double roll) {
		if (roll < 0.78) {
			return "ANSWERED";
		}
		if (roll < 0.88) {
			return "ABANDONED_WAITING";
		}
		if (roll < 0.93) {
			return "ABANDONED_IN_MENU";
		}
		if (roll < 0.98) {
			return "OVERFLOW";
		}
		return "TECHNICAL_FAILURE";
	}

}
