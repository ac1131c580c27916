package org.helpline.web.page;

import java.util.List;
import java.util.Map;

import org.helpline.IntegrationTest;
import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.Counsellors;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.security.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The administrators' pages for accounts and the audit trail, and everybody's own password page. */
@AutoConfigureMockMvc
class AdminPagesTest extends IntegrationTest {

	private static final String PASSWORD = "correct-horse-battery";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcUserDetailsManager users;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Counsellors counsellors;

	@Autowired
	AuditTrail audit;

	@BeforeEach
	void noTestAccounts() {
		jdbc.sql("delete from counsellor where endpoint like 'adm-%'").update();
		jdbc.sql("delete from users where username like 'adm-%'").update();
		jdbc.sql("delete from audit_entry where subject = 'account'").update();
	}

	@Test
	void anAccountCreatedOnThePageIsListedLinkedAndAuditedWithoutItsPassword() {
		long bram = counsellors.create(new CounsellorSettings("Bram de Vries", "adm-phone-1", null, null, Map.of(),
				Map.of())).id();

		assertThat(mvc.post().uri("/admin/accounts").param("username", "adm-bram").param("password", PASSWORD)
			.param("roles", "COUNSELLOR", "ANALYST").param("counsellorId", Long.toString(bram))
			.with(admin()).with(csrf())).hasRedirectedUrl("/admin/accounts");

		assertThat(counsellors.get(bram).username()).isEqualTo("adm-bram");
		assertThat(mvc.get().uri("/admin/accounts").with(admin())).hasStatusOk()
			.bodyText()
			.contains("data-account=\"adm-bram\"", "Bram de Vries");
		AuditEntry entry = audit.latest("account", 1).getFirst();
		assertThat(entry.action()).isEqualTo("create");
		assertThat(entry.subjectId()).isEqualTo("adm-bram");
		assertThat(entry.actor()).isEqualTo("operator");
		assertThat(entry.after()).contains("\"counsellorId\":" + bram)
			.doesNotContain(PASSWORD, "{bcrypt}", "$2a$", "password");
	}

	@Test
	void aRefusedNewAccountNamesTheFieldAndNeverSendsThePasswordBack() {
		MvcTestResult refused = mvc.post().uri("/admin/accounts").param("username", "adm-cora")
			.param("password", "too-short").with(admin()).with(csrf()).exchange();

		FormProblems problems = (FormProblems) refused.getMvcResult().getFlashMap().get("problems");
		assertThat(problems.of("newAccount", "password")).isNotEmpty();
		assertThat(problems.of("newAccount", "roles")).isNotEmpty();
		assertThat(users.userExists("adm-cora")).isFalse();
		assertThat(refused.getMvcResult().getFlashMap().get("newAccount"))
			.isEqualTo(new AccountPageController.NewAccountForm("adm-cora", "", List.of(), null));
		assertThat(mvc.get().uri("/admin/accounts").with(admin()).flashAttr("problems", problems)).hasStatusOk()
			.bodyText()
			.contains("id=\"newAccount-password-problem\"", "id=\"newAccount-roles-problem\"");
	}

	@Test
	void theLastAdministratorCannotBeRemovedAndThePageSaysWhy() {
		withOperatorTheOnlyAdmin(() -> {
			MvcTestResult refused = mvc.post().uri("/admin/accounts/operator/delete").param("confirm", "on")
				.with(admin()).with(csrf()).exchange();

			assertThat(refused).hasRedirectedUrl("/admin/accounts/operator#delete");
			assertThat(users.userExists("operator")).isTrue();
			FormProblems problems = (FormProblems) refused.getMvcResult().getFlashMap().get("problems");
			assertThat(mvc.get().uri("/admin/accounts/operator?lang=en").with(admin()).flashAttr("problems", problems))
				.hasStatusOk()
				.bodyText()
				.contains("id=\"delete-problems\"", "last enabled administrator");
			assertThat(audit.latest("account", 10)).isEmpty();
		});
	}

	@Test
	void anAccountIsRemovedOnlyWithTheBoxTicked() {
		create("adm-dirk", "ANALYST");

		assertThat(mvc.post().uri("/admin/accounts/adm-dirk/delete").with(admin()).with(csrf()))
			.hasRedirectedUrl("/admin/accounts/adm-dirk#delete");
		assertThat(users.userExists("adm-dirk")).isTrue();

		assertThat(mvc.post().uri("/admin/accounts/adm-dirk/delete").param("confirm", "on").with(admin())
			.with(csrf())).hasRedirectedUrl("/admin/accounts");
		assertThat(users.userExists("adm-dirk")).isFalse();
		AuditEntry entry = audit.latest("account", 1).getFirst();
		assertThat(entry.action()).isEqualTo("delete");
		assertThat(entry.after()).isNull();
	}

	@Test
	void aLockedAccountIsShownLockedAndUnlockedWithOneButton() {
		create("adm-eva", "ANALYST");
		// helpline.security.lockout.max-failures
		for (int i = 0; i < 50; i++) {
			assertThatThrownBy(() -> accounts.changeOwnPassword("adm-eva", "wrong-guess", "whatever-long-enough"))
				.isInstanceOf(ChangeRefusedException.class);
		}
		assertThat(accounts.get("adm-eva").locked()).isTrue();
		assertThat(mvc.get().uri("/admin/accounts/adm-eva").with(admin())).bodyText().contains("id=\"unlock-account\"");

		assertThat(mvc.post().uri("/admin/accounts/adm-eva/unlock").with(admin()).with(csrf()))
			.hasRedirectedUrl("/admin/accounts/adm-eva");

		assertThat(accounts.get("adm-eva").locked()).isFalse();
		assertThat(mvc.get().uri("/admin/accounts/adm-eva").with(admin())).bodyText()
			.doesNotContain("id=\"unlock-account\"");
		AuditEntry entry = audit.latest("account", 1).getFirst();
		assertThat(entry.action()).isEqualTo("unlock");
		assertThat(entry.before()).contains("\"locked\":true");
		assertThat(entry.after()).contains("\"locked\":false");
	}

	@Test
	void rolesEnabledAndLinkAreChangedAndAuditedAsBeforeAndAfter() {
		create("adm-fay", "ANALYST");

		assertThat(mvc.post().uri("/admin/accounts/adm-fay").param("roles", "ANALYST", "OPERATOR")
			.param("counsellorId", "").with(admin()).with(csrf())).hasRedirectedUrl("/admin/accounts/adm-fay");

		assertThat(accounts.get("adm-fay").roles()).containsExactly("OPERATOR", "ANALYST");
		assertThat(accounts.get("adm-fay").enabled()).isFalse();
		AuditEntry entry = audit.latest("account", 1).getFirst();
		assertThat(entry.action()).isEqualTo("update");
		assertThat(entry.before()).contains("\"enabled\":true");
		assertThat(entry.after()).contains("\"enabled\":false");
	}

	@Test
	void anOperatorWhoIsNoAdministratorGetsNoAdminPage() {
		RequestPostProcessor operatorOnly = user("plain-operator").roles("OPERATOR");

		assertThat(mvc.get().uri("/admin/accounts").with(operatorOnly)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/audit").with(operatorOnly)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/admin/accounts").param("username", "adm-gijs").param("password", PASSWORD)
			.param("roles", "ADMIN").with(operatorOnly).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(users.userExists("adm-gijs")).isFalse();
		assertThat(mvc.get().uri("/operator").with(operatorOnly)).bodyText()
			.contains("id=\"nav-password\"")
			.doesNotContain("id=\"nav-accounts\"");
	}

	@Test
	void theAuditPageShowsTheNewestOfOneSubjectWithALinkToMore() {
		create("adm-hans", "ANALYST");
		create("adm-ida", "ANALYST");

		assertThat(mvc.get().uri("/admin/audit?subject=account&limit=1").with(admin())).hasStatusOk()
			.bodyText()
			.contains("<option value=\"account\" selected=\"selected\">account</option>", "adm-ida",
					"href=\"/admin/audit?subject=account&amp;limit=4\"", "<summary>")
			.doesNotContain("adm-hans");
	}

	@Test
	void changingYourOwnPasswordNeedsTheCurrentOneAndTheSameNewOneTwice() {
		create("adm-jet", "COUNSELLOR");
		RequestPostProcessor jet = user("adm-jet").roles("COUNSELLOR");

		MvcTestResult wrong = ownPassword(jet, "not-my-password", "a-new-long-password", "a-new-long-password");
		assertThat(flashProblems(wrong).of("password", "currentPassword")).isNotEmpty();
		MvcTestResult typo = ownPassword(jet, PASSWORD, "a-new-long-password", "a-new-long-passwort");
		assertThat(flashProblems(typo).of("password", "repeat")).isNotEmpty();
		assertThat(passwords.matches(PASSWORD, users.loadUserByUsername("adm-jet").getPassword())).isTrue();
		assertThat(audit.latest("account", 1).getFirst().action()).isEqualTo("create");

		assertThat(ownPassword(jet, PASSWORD, "a-new-long-password", "a-new-long-password"))
			.hasRedirectedUrl("/account/password");

		assertThat(passwords.matches("a-new-long-password", users.loadUserByUsername("adm-jet").getPassword()))
			.isTrue();
		AuditEntry entry = audit.latest("account", 1).getFirst();
		assertThat(entry.action()).isEqualTo("change-password");
		assertThat(entry.actor()).isEqualTo("adm-jet");
		assertThat(entry.after()).doesNotContain("a-new-long-password", "{bcrypt}");
	}

	private MvcTestResult ownPassword(RequestPostProcessor user, String current, String next, String repeat) {
		return mvc.post().uri("/account/password").param("currentPassword", current).param("newPassword", next)
			.param("repeat", repeat).with(user).with(csrf()).exchange();
	}

	private static FormProblems flashProblems(MvcTestResult result) {
		return (FormProblems) result.getMvcResult().getFlashMap().get("problems");
	}

	private void create(String username, String role) {
		accounts.create(username, PASSWORD, List.of(role), null);
		audit.record("account", username, "create", null, accounts.get(username));
	}

	/** Other test classes may leave an administrator behind in the shared database. */
	private void withOperatorTheOnlyAdmin(Runnable test) {
		List<String> otherAdmins = jdbc.sql("""
				select u.username from users u join authorities a on a.username = u.username
				where a.authority = 'ROLE_ADMIN' and u.enabled and u.username <> 'operator'""")
			.query(String.class)
			.list();
		otherAdmins.forEach(name -> jdbc.sql("update users set enabled = false where username = ?").param(name).update());
		try {
			test.run();
		}
		finally {
			otherAdmins
				.forEach(name -> jdbc.sql("update users set enabled = true where username = ?").param(name).update());
		}
	}

	private static RequestPostProcessor admin() {
		return user("operator").roles("OPERATOR", "ADMIN");
	}

}
