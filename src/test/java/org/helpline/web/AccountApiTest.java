package org.helpline.web;

import java.util.List;
import java.util.Map;

import org.helpline.IntegrationTest;
import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.Counsellors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Administrators manage staff accounts; everybody changes their own password; all of it audited. */
@AutoConfigureMockMvc
class AccountApiTest extends IntegrationTest {

	private static final String PASSWORD = "correct-horse-battery";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Counsellors counsellors;

	@Autowired
	AuditTrail audit;

	@BeforeEach
	void noTestAccounts() {
		jdbc.sql("delete from counsellor where endpoint like 'acct-%'").update();
		jdbc.sql("delete from users where username like 'acct-%'").update();
		jdbc.sql("delete from audit_entry where subject = 'account'").update();
	}

	@Test
	void anAdminCreatesACounsellorAccountLinkedToItsCounsellor() {
		long anna = counsellor("acct-phone-1");

		assertThat(post("/api/accounts", """
				{"username": "acct-anna", "password": "%s", "roles": ["COUNSELLOR"], "counsellorId": %d}"""
			.formatted(PASSWORD, anna))).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.hasPathSatisfying("$.roles", v -> v.assertThat().asArray().containsExactly("COUNSELLOR"))
			.hasPathSatisfying("$.enabled", v -> v.assertThat().isEqualTo(true))
			.hasPathSatisfying("$.counsellorId", v -> v.assertThat().isEqualTo((int) anna));

		assertThat(counsellors.get(anna).username()).isEqualTo("acct-anna");
		assertThat(mvc.get().uri("/api/counsellor/me").with(httpBasic("acct-anna", PASSWORD))).hasStatusOk();
		assertThat(mvc.get().uri("/api/accounts").with(admin())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$[?(@.username == 'acct-anna')].counsellorId",
					v -> v.assertThat().asArray().containsExactly((int) anna))
			.hasPathSatisfying("$[?(@.username == 'operator')].roles[*]",
					v -> v.assertThat().asArray().containsExactly("OPERATOR", "ADMIN"));
	}

	@Test
	void aCounsellorAccountMayExistUnlinked() {
		assertThat(create("acct-bram", "COUNSELLOR")).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.hasPathSatisfying("$.counsellorId", v -> v.assertThat().isNull());
	}

	@Test
	void changingTheLinkMovesItFromOneCounsellorToTheOther() {
		long first = counsellor("acct-phone-1");
		long second = counsellor("acct-phone-2");
		create("acct-cora", "COUNSELLOR");

		assertThat(put("/api/accounts/acct-cora",
				"{\"roles\": [\"COUNSELLOR\"], \"enabled\": true, \"counsellorId\": " + first + "}")).hasStatusOk();
		assertThat(put("/api/accounts/acct-cora",
				"{\"roles\": [\"COUNSELLOR\"], \"enabled\": true, \"counsellorId\": " + second + "}")).hasStatusOk();

		assertThat(counsellors.get(first).username()).isNull();
		assertThat(counsellors.get(second).username()).isEqualTo("acct-cora");
	}

	@Test
	void aCounsellorActingForAnotherAccountIsNotTakenOver() {
		long shared = counsellor("acct-phone-1");
		post("/api/accounts", """
				{"username": "acct-dirk", "password": "%s", "roles": ["COUNSELLOR"], "counsellorId": %d}"""
			.formatted(PASSWORD, shared));

		assertThat(post("/api/accounts", """
				{"username": "acct-eva", "password": "%s", "roles": ["COUNSELLOR"], "counsellorId": %d}"""
			.formatted(PASSWORD, shared))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("counsellorId");
		assertThat(counsellors.get(shared).username()).isEqualTo("acct-dirk");
		assertThat(mvc.get().uri("/api/accounts/acct-eva").with(admin())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void badInputIsRefusedNamingEveryField() {
		MvcTestResult result = post("/api/accounts", """
				{"username": "not a name", "password": "too-short", "roles": ["COUNSELLOR", "ROOT"],
				 "counsellorId": 999999}""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("username", "password", "roles[1]", "counsellorId");
		assertThat(post("/api/accounts", "{\"username\": \"acct-fay\", \"password\": \"" + PASSWORD + "\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("roles");
	}

	@Test
	void passwordsNeedTwelveCharacters() {
		assertThat(post("/api/accounts",
				"{\"username\": \"acct-gijs\", \"password\": \"elevenchars\", \"roles\": [\"ANALYST\"]}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("/api/accounts",
				"{\"username\": \"acct-gijs\", \"password\": \"twelve-chars\", \"roles\": [\"ANALYST\"]}"))
			.hasStatus(HttpStatus.CREATED);
		assertThat(post("/api/accounts/acct-gijs/password", "{\"password\": \"elevenchars\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("password");
	}

	@Test
	void anAccountNameIsTakenOnce() {
		create("acct-hans", "ANALYST");

		assertThat(create("acct-hans", "OPERATOR")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("username");
	}

	@Test
	void aDisabledAccountCannotLogIn() {
		create("acct-ines", "OPERATOR");
		assertThat(mvc.get().uri("/api/helplines").with(httpBasic("acct-ines", PASSWORD))).hasStatusOk();

		assertThat(put("/api/accounts/acct-ines", "{\"roles\": [\"OPERATOR\", \"ANALYST\"], \"enabled\": false}"))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.roles", v -> v.assertThat().asArray().containsExactly("OPERATOR", "ANALYST"));

		assertThat(mvc.get().uri("/api/helplines").with(httpBasic("acct-ines", PASSWORD)))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theLastEnabledAdminCannotBeDeletedDisabledOrDemoted() {
		withOperatorTheOnlyAdmin(() -> {
			assertThat(mvc.delete().uri("/api/accounts/operator").with(admin())).hasStatus(HttpStatus.CONFLICT)
				.bodyJson()
				.extractingPath("$.detail")
				.asString()
				.contains("last enabled administrator");
			assertThat(put("/api/accounts/operator", "{\"roles\": [\"OPERATOR\"], \"enabled\": true}"))
				.hasStatus(HttpStatus.CONFLICT);
			assertThat(put("/api/accounts/operator", "{\"roles\": [\"ADMIN\"], \"enabled\": false}"))
				.hasStatus(HttpStatus.CONFLICT);
			assertThat(mvc.get().uri("/api/accounts/operator").with(admin())).hasStatusOk()
				.bodyJson()
				.hasPathSatisfying("$.roles", v -> v.assertThat().asArray().containsExactly("OPERATOR", "ADMIN"));
		});
	}

	@Test
	void anAdminCanBeDeletedWhileAnotherRemains() {
		create("acct-jan", "ADMIN");

		assertThat(mvc.delete().uri("/api/accounts/acct-jan").with(admin())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/accounts/acct-jan").with(admin())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.delete().uri("/api/accounts/acct-jan").with(admin())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void deletingAnAccountLeavesItsCounsellorUnlinked() {
		long kim = counsellor("acct-phone-1");
		post("/api/accounts", """
				{"username": "acct-kim", "password": "%s", "roles": ["COUNSELLOR"], "counsellorId": %d}"""
			.formatted(PASSWORD, kim));

		assertThat(mvc.delete().uri("/api/accounts/acct-kim").with(admin())).hasStatus(HttpStatus.NO_CONTENT);

		assertThat(counsellors.get(kim).username()).isNull();
	}

	@Test
	void changingYourOwnPasswordNeedsTheCurrentOne() {
		create("acct-lies", "COUNSELLOR");
		RequestPostProcessor lies = httpBasic("acct-lies", PASSWORD);

		assertThat(ownPassword(lies, "not-the-password", "a-new-long-password")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("currentPassword");
		assertThat(ownPassword(lies, PASSWORD, "short")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("newPassword");
		assertThat(ownPassword(lies, PASSWORD, "a-new-long-password")).hasStatus(HttpStatus.NO_CONTENT);

		assertThat(mvc.get().uri("/api/counsellor/me").with(lies)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/account/password").with(httpBasic("acct-lies", "a-new-long-password")))
			.hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void anAdminSetsANewPasswordForSomeoneWhoForgotTheirs() {
		create("acct-mo", "ANALYST");

		assertThat(post("/api/accounts/acct-mo/password", "{\"password\": \"the-replacement-pw\"}"))
			.hasStatus(HttpStatus.NO_CONTENT);

		assertThat(mvc.get().uri("/api/reports/2026").with(httpBasic("acct-mo", PASSWORD)))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/reports/2026").with(httpBasic("acct-mo", "the-replacement-pw")))
			.hasStatusOk();
	}

	@Test
	void everyChangeIsAuditedWithoutPasswordsOrHashes() {
		create("acct-nora", "COUNSELLOR");
		put("/api/accounts/acct-nora", "{\"roles\": [\"COUNSELLOR\", \"ANALYST\"], \"enabled\": true}");
		post("/api/accounts/acct-nora/password", "{\"password\": \"reset-by-the-admin\"}");
		ownPassword(httpBasic("acct-nora", "reset-by-the-admin"), "reset-by-the-admin", "chosen-by-nora-1");
		post("/api/accounts/acct-nora/unlock", "");
		mvc.delete().uri("/api/accounts/acct-nora").with(admin()).exchange();

		List<AuditEntry> entries = audit.latest("account", 20);
		assertThat(entries).extracting(AuditEntry::action)
			.containsExactly("delete", "unlock", "change-password", "reset-password", "update", "create");
		assertThat(entries).extracting(AuditEntry::actor)
			.containsExactly("operator", "operator", "acct-nora", "operator", "operator", "operator");
		AuditEntry update = entries.get(4);
		assertThat(update.before()).contains("\"roles\":[\"COUNSELLOR\"]");
		assertThat(update.after()).contains("\"roles\":[\"COUNSELLOR\",\"ANALYST\"]");
		assertThat(entries).allSatisfy(entry -> assertThat(entry.before() + " " + entry.after())
			.doesNotContain(PASSWORD, "reset-by-the-admin", "chosen-by-nora-1", "{bcrypt}", "$2a$", "password"));
	}

	@Test
	void theAuditTrailIsReadByAdminsNewestFirst() {
		create("acct-olaf", "ANALYST");
		create("acct-pien", "ANALYST");

		assertThat(mvc.get().uri("/api/audit?subject=account&limit=1").with(admin())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.length()", v -> v.assertThat().isEqualTo(1))
			.hasPathSatisfying("$[0].subjectId", v -> v.assertThat().isEqualTo("acct-pien"))
			.hasPathSatisfying("$[0].actor", v -> v.assertThat().isEqualTo("operator"));
		assertThat(mvc.get().uri("/api/audit?limit=0").with(admin())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("limit");
	}

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

	private long counsellor(String endpoint) {
		return counsellors.create(new CounsellorSettings("Counsellor " + endpoint, endpoint, null, null, Map.of(),
				Map.of())).id();
	}

	private MvcTestResult create(String username, String role) {
		return post("/api/accounts", """
				{"username": "%s", "password": "%s", "roles": ["%s"]}""".formatted(username, PASSWORD, role));
	}

	private MvcTestResult ownPassword(RequestPostProcessor user, String current, String next) {
		return mvc.post().uri("/api/account/password").with(user).contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}".formatted(current, next))
			.exchange();
	}

	private MvcTestResult post(String uri, String json) {
		return mvc.post().uri(uri).with(admin()).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private MvcTestResult put(String uri, String json) {
		return mvc.put().uri(uri).with(admin()).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private static RequestPostProcessor admin() {
		return httpBasic("operator", "local-dev-only");
	}

}
