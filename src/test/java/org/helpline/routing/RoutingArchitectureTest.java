package org.helpline.routing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Routing is domain: the telephony adapter and the web layer call it, never the other way round. */
@AnalyzeClasses(packages = "org.helpline", importOptions = ImportOption.DoNotIncludeTests.class)
class RoutingArchitectureTest {

	@ArchTest
	static final ArchRule routingKnowsNoAdapter = noClasses().that()
		.resideInAPackage("org.helpline.routing..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.helpline.web..", "org.helpline.telephony..", "org.helpline.callflow..",
				"org.asteriskjava..", "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");

}
