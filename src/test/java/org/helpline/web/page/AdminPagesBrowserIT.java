package org.helpline.web.page;

import java.util.Map;

import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.helpline.counsellors.Counsellor;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.Counsellors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator gives a counsellor a login, in a real browser; the counsellor uses it. */
class AdminPagesBrowserIT extends BrowserTest {

	// Long enough for the password rule: BrowserTest logs in with the username plus "-pw".
	private static final String CARLA = "carla.jansen";

	@Autowired
	Counsellors counsellors;

	@Autowired
	AuditTrail audit;

	Counsellor carla;

	@BeforeEach
	void carlaWithoutALogin() {
		jdbc.sql("delete from users where username = ?").param(CARLA).update();
		jdbc.sql("delete from counsellor where endpoint = 'admin-page-phone'").update();
		carla = counsellors.create(new CounsellorSettings("Carla Jansen", "admin-page-phone", null, null, Map.of(),
				Map.of()));
	}

	@Test
	void anAdminGivesACounsellorALoginAndTheCounsellorFindsTheirOwnPage() {
		logIn(PageUsers.OPERATOR);
		find("#nav-accounts").click();
		waitUntil(d -> present("#new-account-form"));
		screenshot("1-accounts");

		find("#a-username").sendKeys(CARLA);
		find("#a-password").sendKeys(PageUsers.password(CARLA));
		find("#a-role-COUNSELLOR").click();
		new Select(find("#a-counsellor")).selectByVisibleText("Carla Jansen");
		screenshot("2-new-account-filled-in");
		find("#create-account").click();

		waitUntil(d -> present("#notice"));
		assertThat(find("tr[data-account='" + CARLA + "']").getText()).contains("Hulpverlener", "Carla Jansen");
		assertThat(counsellors.get(carla.id()).username()).isEqualTo(CARLA);
		screenshot("3-account-created");
		find("tr[data-account='" + CARLA + "'] a").click();
		waitUntil(d -> present("#account-form"));
		assertThat(new Select(find("#e-counsellor")).getFirstSelectedOption().getText()).isEqualTo("Carla Jansen");
		screenshot("3b-account-page");

		find("#nav-audit").click();
		waitUntil(d -> present("#audit"));
		AuditEntry created = audit.latest("account", 1).getFirst();
		String row = "tr[data-entry='" + created.id() + "']";
		assertThat(find(row).getText()).contains(PageUsers.OPERATOR, "account", CARLA, "create");
		find(row + " summary").click();
		assertThat(find(row + " details pre").getText()).contains("\"counsellorId\" : " + carla.id())
			.doesNotContain(PageUsers.password(CARLA));
		screenshot("4-audit-trail");

		find("#logout").click();
		waitUntil(d -> d.getCurrentUrl().contains("/login"));
		logIn(CARLA);
		assertThat(browser.getCurrentUrl()).endsWith("/counsellor");
		assertThat(find("#counsellor-name").getText()).isEqualTo("Carla Jansen");
		assertThat(present("#nav-accounts")).isFalse();
		screenshot("5-carla-on-her-page");
	}

}
