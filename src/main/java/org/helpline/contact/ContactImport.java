package org.helpline.contact;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.helpline.contact.ContactOption.Kind;
import org.helpline.contact.ImportRejectedException.ImportProblem;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.Helplines;
import org.helpline.helplines.NotFoundException;
import org.helpline.helplines.ProblemCode;
import org.helpline.privacy.Pseudonym;
import org.helpline.privacy.Pseudonyms;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the contact moments of years before this system from a CSV file:
 * {@code date,channel,caller_group,topics,person_key} (plus optional {@code language} and
 * {@code referral}), one contact moment a row. Every row is checked first; one bad row
 * rejects the whole file, naming each bad row by its line, and nothing is stored.
 */
@Service
public class ContactImport {

	/**
	 * What an accepted file added, or would add when {@code stored} is false (a dry run).
	 * @param byYear contact moments per year, which no earlier import of the helpline holds
	 */
	public record Result(int imported, Map<Integer, Integer> byYear, boolean stored) {
	}

	private static final int MAX_ROWS = 500_000;

	private static final int MAX_PROBLEMS = 100;

	private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

	private static final List<String> REQUIRED = List.of("date", "channel");

	private static final List<String> COLUMNS = List.of("date", "channel", "caller_group", "topics", "person_key",
			"language", "referral");

	private final ContactRepository repository;

	private final ContactRecords records;

	private final ContactOptions options;

	private final Helplines helplines;

	private final Pseudonyms pseudonyms;

	private final Clock clock;

	ContactImport(ContactRepository repository, ContactRecords records, ContactOptions options, Helplines helplines,
			Pseudonyms pseudonyms, Clock clock) {
		this.repository = repository;
		this.records = records;
		this.options = options;
		this.helplines = helplines;
		this.pseudonyms = pseudonyms;
		this.clock = clock;
	}

	/**
	 * @param csv the file; comma or semicolon separated, with a header line
	 * @throws ImportRejectedException naming every bad row, or the first row of a year an
	 * earlier import of the helpline already holds; nothing was stored
	 * @throws NotFoundException if there is no such helpline
	 */
	@Transactional
	public Result importCsv(long helplineId, String csv) {
		List<NewRecord> rows = checked(helplineId, csv);
		repository.insertAll(rows);
		return result(rows, true);
	}

	/**
	 * What {@link #importCsv} would add, checked the same way; stores nothing.
	 * @throws ImportRejectedException as {@link #importCsv} would
	 */
	@Transactional(readOnly = true)
	public Result preview(long helplineId, String csv) {
		return result(checked(helplineId, csv), false);
	}

	private static Result result(List<NewRecord> rows, boolean stored) {
		Map<Integer, Integer> byYear = new TreeMap<>();
		rows.forEach(r -> byYear.merge(r.startedLocal().getYear(), 1, Integer::sum));
		return new Result(rows.size(), byYear, stored);
	}

	private List<NewRecord> checked(long helplineId, String csv) {
		Helpline helpline = helplines.get(helplineId);
		// Spreadsheets often start a UTF-8 file with a byte order mark.
		csv = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		LocalDate today = LocalDate.ofInstant(clock.instant(), helpline.zone());
		Lines lines = new Lines(csv);
		List<ImportProblem> problems = new ArrayList<>();
		List<NewRecord> rows = new ArrayList<>();
		Map<Integer, Long> firstLineOfYear = new TreeMap<>();
		Checks checks = new Checks(options.byCode(Kind.TOPIC), options.byCode(Kind.REFERRAL), today);
		try (CSVParser parser = format(csv).parse(new StringReader(csv))) {
			Map<String, String> columns = columns(parser.getHeaderNames(), problems);
			if (!problems.isEmpty()) {
				throw rejected(problems, problems.size());
			}
			int total = 0;
			int seen = 0;
			for (CSVRecord row : parser) {
				long line = lines.lineAt(row.getCharacterPosition());
				if (++seen > MAX_ROWS) {
					problems.add(problem(line, ProblemCode.IMPORT_TOO_MANY_ROWS, "", MAX_ROWS));
					total++;
					break;
				}
				List<ImportProblem> rowProblems = new ArrayList<>();
				NewRecord record = check(helplineId, row, line, columns, checks, rowProblems);
				if (record != null && rowProblems.isEmpty()) {
					rows.add(record);
					firstLineOfYear.putIfAbsent(record.startedLocal().getYear(), line);
				}
				else {
					total += rowProblems.size();
					rowProblems.stream().limit(Math.max(0, MAX_PROBLEMS - problems.size())).forEach(problems::add);
				}
			}
			if (total > 0) {
				throw rejected(problems, total);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			// commons-csv reports a broken file (e.g. an unclosed quote) this way
			throw rejected(List.of(problem(lines.count(), ProblemCode.IMPORT_NOT_CSV, "", ex.getMessage())), 1);
		}
		if (rows.isEmpty()) {
			throw rejected(List.of(problem(1, ProblemCode.IMPORT_NO_ROWS, "")), 1);
		}
		List<ImportProblem> imported = alreadyImported(helplineId, firstLineOfYear);
		if (!imported.isEmpty()) {
			throw rejected(imported, imported.size());
		}
		return rows;
	}

	/**
	 * A file holds whole years of history: a year an earlier import already filled would count
	 * twice in every report, so it is refused rather than added to.
	 */
	private List<ImportProblem> alreadyImported(long helplineId, Map<Integer, Long> firstLineOfYear) {
		Map<Integer, Long> held = repository.importedByYear(helplineId, firstLineOfYear.keySet());
		return held.entrySet().stream()
			.map(e -> problem(firstLineOfYear.getOrDefault(e.getKey(), 1L), ProblemCode.IMPORT_YEAR_IMPORTED, "date",
					e.getKey(), e.getValue()))
			.toList();
	}

	private @Nullable NewRecord check(long helplineId, CSVRecord row, long line, Map<String, String> columns, Checks checks,
			List<ImportProblem> problems) {
		if (!row.isConsistent()) {
			problems.add(problem(line, ProblemCode.IMPORT_FIELD_COUNT, "", row.size(), columns.size()));
			return null;
		}
		LocalDate date = date(value(row, columns, "date"), line, checks.today(), problems);
		String channelText = value(row, columns, "channel");
		Optional<Channel> channel = Channel.parse(channelText);
		if (channel.isEmpty()) {
			problems.add(problem(line, ProblemCode.IMPORT_CHANNEL_INVALID, "channel", channelText));
		}
		List<FieldProblem> fieldProblems = new ArrayList<>();
		String group = records.knownGroup(value(row, columns, "caller_group"), fieldProblems);
		fieldProblems.forEach(p -> problems.add(new ImportProblem(line, p.at("caller_group"))));
		List<String> topics = codes(value(row, columns, "topics"), checks.topics(), "topics", line, problems);
		List<String> referral = codes(value(row, columns, "referral"), checks.referrals(), "referral", line,
				problems);
		String language = value(row, columns, "language").toLowerCase(Locale.ROOT);
		if (!language.isEmpty() && !language.equals("nl") && !language.equals("en")) {
			problems.add(problem(line, ProblemCode.CONTACT_LANGUAGE_INVALID, "language", language));
		}
		String personKey = value(row, columns, "person_key");
		if (personKey.length() > 100) {
			problems.add(problem(line, ProblemCode.CONTACT_PERSON_KEY_TOO_LONG, "person_key", 100));
		}
		if (referral.size() > 1) {
			problems.add(problem(line, ProblemCode.IMPORT_ONE_REFERRAL, "referral"));
		}
		Pseudonym pseudonym = null;
		if (date != null && !personKey.isEmpty()) {
			pseudonym = pseudonyms.ofPersonKey(personKey, date.getYear()).orElse(null);
			if (pseudonym == null) {
				problems.add(problem(line, ProblemCode.IMPORT_NO_PSEUDONYM_KEY, "person_key", date.getYear()));
			}
		}
		if (!problems.isEmpty() || date == null) {
			return null;
		}
		Channel how = channel.get();
		return new NewRecord(helplineId, how, "import", date.atStartOfDay(), null, group,
				language.isEmpty() ? null : language, null, null, null, null,
				how == Channel.PHONE ? CallOutcome.ANSWERED : null, true, pseudonym == null, pseudonym, null,
				referral.isEmpty() ? null : referral.getFirst(), true, topics);
	}

	private @Nullable LocalDate date(String text, long line, LocalDate today, List<ImportProblem> problems) {
		LocalDate date;
		try {
			date = text.matches("\\d{2}-\\d{2}-\\d{4}") ? LocalDate.parse(text, DUTCH_DATE) : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.add(problem(line, ProblemCode.IMPORT_NOT_A_DATE, "date", text));
			return null;
		}
		records.dateProblem(date, today)
			.ifPresent(p -> problems.add(new ImportProblem(line, p.at("date"))));
		return date;
	}

	private static List<String> codes(String text, Map<String, ContactOption> known, String field, long line,
			List<ImportProblem> problems) {
		LinkedHashSet<String> codes = new LinkedHashSet<>();
		for (String code : text.split("[;|,]")) {
			String normalised = code.strip().toUpperCase(Locale.ROOT);
			if (normalised.isEmpty()) {
				continue;
			}
			// History may use options that are no longer offered.
			if (!known.containsKey(normalised)) {
				problems.add(problem(line, ProblemCode.IMPORT_UNKNOWN_CODE, field, code.strip(), known.keySet()));
			}
			codes.add(normalised);
		}
		return List.copyOf(codes);
	}

	/** Header name as written → column; problems on line 1 for unknown or missing columns. */
	private static Map<String, String> columns(List<String> header, List<ImportProblem> problems) {
		Map<String, String> columns = new TreeMap<>();
		for (String name : header) {
			String column = name.strip().toLowerCase(Locale.ROOT).replaceAll("[ \\-]", "_").replace("callergroup",
					"caller_group").replace("personkey", "person_key");
			if (!COLUMNS.contains(column)) {
				problems.add(problem(1, ProblemCode.IMPORT_UNKNOWN_COLUMN, name, COLUMNS));
			}
			else {
				columns.put(column, name);
			}
		}
		REQUIRED.stream()
			.filter(c -> !columns.containsKey(c))
			.forEach(c -> problems.add(problem(1, ProblemCode.IMPORT_COLUMN_MISSING, c)));
		return columns;
	}

	private static ImportProblem problem(long line, ProblemCode code, String field, @Nullable Object... args) {
		return new ImportProblem(line, FieldProblem.of(code, field, args));
	}

	private static String value(CSVRecord row, Map<String, String> columns, String column) {
		String name = columns.get(column);
		return name == null || !row.isSet(name) ? "" : row.get(name).strip();
	}

	/** Comma-separated, or semicolon-separated as Dutch spreadsheets save it. */
	private static CSVFormat format(String csv) {
		String header = csv.lines().findFirst().orElse("");
		char delimiter = header.contains(";") && !header.contains(",") ? ';' : ',';
		return CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
	}

	private static ImportRejectedException rejected(List<ImportProblem> problems, int total) {
		return new ImportRejectedException(problems, total);
	}

	private record Checks(Map<String, ContactOption> topics, Map<String, ContactOption> referrals, LocalDate today) {
	}

	/** Line numbers by character position, so a row is named by the line it starts on. */
	private static final class Lines {

		private final int[] starts;

		Lines(String text) {
			List<Integer> starts = new ArrayList<>(List.of(0));
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) == '\n') {
					starts.add(i + 1);
				}
			}
			this.starts = starts.stream().mapToInt(Integer::intValue).toArray();
		}

		long lineAt(long position) {
			int index = Arrays.binarySearch(starts, (int) position);
			return (index >= 0 ? index : -index - 2) + 1;
		}

		long count() {
			return starts.length;
		}

	}

}
