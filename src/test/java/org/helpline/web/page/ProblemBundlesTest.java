package org.helpline.web.page;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem code the code uses has its text in English and Dutch, with the same values.
 * <p>
 * Assumes each coded problem is made by {@code FieldProblem.of("code", ...)} or
 * {@code ScheduleProblem.of("code", ...)} with the code as a string literal, its first argument;
 * a code built at run time would escape this scan.
 */
class ProblemBundlesTest {

	private static final Pattern CODE = Pattern
		.compile("(?:FieldProblem|ScheduleProblem)\\.of\\(\\s*\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

	@Test
	void everyCodeInTheSourceHasAnEnglishAndADutchText() throws IOException {
		Set<String> codes = usedCodes();
		Properties english = bundle("problems.properties");
		Properties dutch = bundle("problems_nl.properties");

		assertThat(codes).as("codes found by the scan").hasSizeGreaterThan(80);
		assertThat(keys(english)).containsAll(codes);
		assertThat(keys(dutch)).containsAll(codes);
	}

	@Test
	void noTextIsLeftWithoutACodeThatUsesIt() throws IOException {
		Set<String> codes = usedCodes();

		assertThat(keys(bundle("problems.properties"))).isSubsetOf(codes);
		assertThat(keys(bundle("problems_nl.properties"))).isSubsetOf(codes);
	}

	@Test
	void bothLanguagesFillInTheSameValues() throws IOException {
		Properties english = bundle("problems.properties");
		Properties dutch = bundle("problems_nl.properties");

		for (String key : english.stringPropertyNames()) {
			assertThat(placeholders(dutch.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
		}
	}

	@Test
	void everyTextIsAValidMessageFormat() throws IOException {
		for (String file : new String[] { "problems.properties", "problems_nl.properties" }) {
			Properties texts = bundle(file);
			for (String key : texts.stringPropertyNames()) {
				assertThat(new MessageFormat(texts.getProperty(key)).toPattern()).as(file + " " + key).isNotBlank();
			}
		}
	}

	private static Set<String> usedCodes() throws IOException {
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = CODE.matcher(Files.readString(file));
				while (matcher.find()) {
					codes.add(matcher.group(1));
				}
			}
		}
		return codes;
	}

	private static Set<String> keys(Properties texts) {
		return texts.stringPropertyNames()
			.stream()
			.map(key -> key.replaceFirst("^problem\\.", ""))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> placeholders(String text) {
		assertThat(text).isNotNull();
		return PLACEHOLDER.matcher(text).results().map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
	}

	private static Properties bundle(String name) throws IOException {
		Properties texts = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n", name),
				StandardCharsets.UTF_8)) {
			texts.load(reader);
		}
		assertThat(texts.stringPropertyNames()).allMatch(key -> key.startsWith("problem."), "keys start with problem.");
		return texts;
	}

}
