package org.helpline.contact;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Contacts and privacy are domain: they know nothing of the web or of Asterisk, and the
 * privacy rules know nothing of contacts (nor of helplines), so they can be reviewed alone.
 */
@AnalyzeClasses(packages = "org.helpline", importOptions = ImportOption.DoNotIncludeTests.class)
class ContactArchitectureTest {

	@ArchTest
	static final ArchRule contactsKnowNoWebOrTelephony = noClasses().that()
		.resideInAnyPackage("org.helpline.contact..", "org.helpline.privacy..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.helpline.web..", "org.helpline.telephony..", "org.helpline.callflow..",
				"org.asteriskjava..", "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");

	@ArchTest
	static final ArchRule privacyStandsAlone = noClasses().that()
		.resideInAPackage("org.helpline.privacy..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.helpline.contact..", "org.helpline.helplines..");

}
