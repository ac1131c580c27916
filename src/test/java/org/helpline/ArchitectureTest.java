package org.helpline;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module lines: each top-level package of {@code org.helpline} is a module, the modules form
 * no cycle, and each uses only the modules listed for it below. Arrows point inward: the
 * telephony adapter and the web layer use the domain, never the other way round.
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.helpline");

	/** Each module and the modules it may use. A new arrow is a decision: make it here. */
	private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
			Map.entry("schedule", Set.of()),
			Map.entry("caller", Set.of()),
			Map.entry("privacy", Set.of()),
			Map.entry("audit", Set.of()),
			Map.entry("database", Set.of()),
			Map.entry("helplines", Set.of("audit", "schedule")),
			Map.entry("callflow",
					Set.of("caller", "contact", "counsellors", "helplines", "menu", "privacy", "prompts", "schedule")),
			Map.entry("contact", Set.of("audit", "caller", "database", "helplines", "privacy")),
			Map.entry("menu", Set.of("audit", "caller", "contact", "helplines", "prompts")),
			Map.entry("prompts", Set.of("audit", "helplines")),
			Map.entry("counsellors", Set.of("audit", "caller", "contact", "database", "helplines")),
			Map.entry("routing", Set.of("audit", "caller", "callflow", "counsellors", "helplines")),
			Map.entry("security", Set.of("audit", "counsellors", "helplines")),
			Map.entry("system", Set.of("audit", "counsellors", "helplines", "menu", "schedule")),
			Map.entry("telephony",
					Set.of("caller", "callflow", "contact", "counsellors", "database", "menu", "privacy", "prompts",
							"routing")),
			Map.entry("web", Set.of("audit", "caller", "callflow", "contact", "counsellors", "helplines", "menu", "prompts",
					"routing", "schedule", "security")));

	/** The domain: plain Java that knows neither the web nor Asterisk. */
	private static final String[] DOMAIN = { "org.helpline.schedule..", "org.helpline.helplines..",
			"org.helpline.callflow..", "org.helpline.menu..", "org.helpline.contact..", "org.helpline.privacy..",
			"org.helpline.counsellors..", "org.helpline.routing..", "org.helpline.caller.." };

	@Test
	void theModulesFormNoCycle() {
		slices().matching("org.helpline.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@TestFactory
	Stream<DynamicTest> eachModuleUsesOnlyTheModulesListedForIt() {
		return MAY_USE.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(module -> DynamicTest
			.dynamicTest(module.getKey() + " uses only " + new TreeSet<>(module.getValue()), () -> {
				String[] others = MAY_USE.keySet().stream()
					.filter(other -> !other.equals(module.getKey()) && !module.getValue().contains(other))
					.map(other -> "org.helpline." + other + "..")
					.toArray(String[]::new);
				noClasses().that()
					.resideInAPackage("org.helpline." + module.getKey() + "..")
					.should()
					.dependOnClassesThat()
					.resideInAnyPackage(others)
					.check(CLASSES);
			}));
	}

	/** A package missing from the table would be checked by nothing. */
	@Test
	void everyModuleIsInTheTable() {
		Set<String> modules = CLASSES.stream()
			.map(JavaClass::getPackageName)
			.filter(name -> name.startsWith("org.helpline."))
			.map(name -> name.split("\\.")[2])
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(MAY_USE.keySet()).containsExactlyInAnyOrderElementsOf(modules);
	}

	@Test
	void onlyTheTelephonyAdapterKnowsAsteriskJava() {
		noClasses().that()
			.resideOutsideOfPackage("org.helpline.telephony..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.asteriskjava..")
			.check(CLASSES);
	}

	@Test
	void theDomainKnowsNoWebTypes() {
		noClasses().that()
			.resideInAnyPackage(DOMAIN)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
			.check(CLASSES);
	}

	@Test
	void theScheduleIsPlainJava() {
		noClasses().that()
			.resideInAPackage("org.helpline.schedule..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.check(CLASSES);
	}

}
