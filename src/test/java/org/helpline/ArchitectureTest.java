package org.helpline;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Arrows point inward: adapters depend on the domain, never the other way round. */
@AnalyzeClasses(packages = "org.helpline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule onlyTheTelephonyAdapterKnowsAsteriskJava = noClasses().that()
		.resideOutsideOfPackage("org.helpline.telephony..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.asteriskjava..");

	@ArchTest
	static final ArchRule theScheduleIsPlainJava = noClasses().that()
		.resideInAPackage("org.helpline.schedule..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.helpline.helplines..", "org.helpline.callflow..",
				"org.helpline.web..", "org.helpline.telephony..");

	@ArchTest
	static final ArchRule theDomainKnowsNoWebOrTelephony = noClasses().that()
		.resideInAnyPackage("org.helpline.schedule..", "org.helpline.helplines..", "org.helpline.callflow..",
				"org.helpline.menu..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.helpline.web..", "org.helpline.telephony..", "org.springframework.web..",
				"org.springframework.http..", "jakarta.servlet..");

}
