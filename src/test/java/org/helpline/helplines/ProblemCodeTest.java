package org.helpline.helplines;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.helpline.schedule.ScheduleProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reason the domain can give has its words in English and in Dutch, with the same values:
 * the domain names a reason only by its code, so a missing text would show as the bare code.
 */
class ProblemCodeTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

	@Test
	void everyCodeTheDomainCanGiveHasAnEnglishAndADutchText() throws IOException {
		Properties english = bundle("problems.properties");
		Properties dutch = bundle("problems_nl.properties");

		assertThat(codes()).hasSizeGreaterThan(100).allSatisfy(code -> {
			assertThat(english.getProperty("problem." + code)).as("English " + code).isNotBlank();
			assertThat(dutch.getProperty("problem." + code)).as("Dutch " + code).isNotBlank();
		});
	}

	@Test
	void noTwoReasonsShareACode() {
		assertThat(codes()).hasSize(ProblemCode.values().length + ScheduleProblem.Code.values().length);
	}

	@Test
	void noTextIsLeftWithoutACodeThatUsesIt() throws IOException {
		assertThat(keys(bundle("problems.properties"))).isSubsetOf(codes());
		assertThat(keys(bundle("problems_nl.properties"))).isSubsetOf(codes());
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

	@Test
	void theDomainsEnglishMessageIsTheBundlesTextWithItsValues() {
		assertThat(FieldProblem.of(ProblemCode.HELPLINE_NAME_TAKEN, "name", "Stop it Now").message())
			.isEqualTo("another helpline is already called 'Stop it Now'");
	}

	private static Set<String> codes() {
		return Stream
			.concat(Arrays.stream(ProblemCode.values()).map(ProblemCode::code),
					Arrays.stream(ScheduleProblem.Code.values()).map(ScheduleProblem.Code::code))
			.collect(Collectors.toCollection(TreeSet::new));
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
		try (InputStream in = ProblemCodeTest.class.getResourceAsStream("/i18n/" + name)) {
			assertThat(in).as(name).isNotNull();
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		assertThat(texts.stringPropertyNames()).allMatch(key -> key.startsWith("problem."), "keys start with problem.");
		return texts;
	}

}
