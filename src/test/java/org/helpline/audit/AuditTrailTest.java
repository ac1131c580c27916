package org.helpline.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTest extends IntegrationTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void emptyTrail() {
		jdbc.sql("delete from audit_entry").update();
		SecurityContextHolder.clearContext();
	}

	@Test
	void recordsWhoChangedWhatWithBeforeAndAfterAsJson() {
		clock.set(Instant.parse("2026-11-25T09:15:00Z"));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("anna", null, List.of()));
		try {
			audit.record("helpline", 7, "update", Map.of("name", "Old"), Map.of("name", "New"));
		}
		finally {
			SecurityContextHolder.clearContext();
		}

		AuditEntry entry = audit.latest("helpline", 10).getFirst();
		assertThat(entry.actor()).isEqualTo("anna");
		assertThat(entry.at()).isEqualTo(Instant.parse("2026-11-25T09:15:00Z"));
		assertThat(entry.subjectId()).isEqualTo("7");
		assertThat(entry.before()).isEqualTo("{\"name\":\"Old\"}");
		assertThat(entry.after()).isEqualTo("{\"name\":\"New\"}");
	}

	@Test
	void aChangeMadeByTheServiceItselfIsRecordedAsSystem() {
		audit.record("account", "operator", "create", null, Map.of("roles", List.of("ADMIN")));

		assertThat(audit.latest(null, 10)).singleElement()
			.satisfies(entry -> assertThat(entry.actor()).isEqualTo("system"));
	}

	@Test
	void aChangeThatRollsBackLeavesNoEntry() {
		transactions.executeWithoutResult(status -> {
			audit.record("menu", 1, "update", null, Map.of());
			status.setRollbackOnly();
		});

		assertThat(audit.latest(null, 10)).isEmpty();
	}

	@Test
	void listsTheNewestFirstAndFiltersBySubject() {
		audit.record("menu", 1, "update", null, Map.of("v", 1));
		audit.record("helpline", 1, "update", null, Map.of());
		audit.record("menu", 1, "update", null, Map.of("v", 2));

		assertThat(audit.latest("menu", 10)).extracting(AuditEntry::after).containsExactly("{\"v\":2}", "{\"v\":1}");
		assertThat(audit.latest(null, 2)).hasSize(2);
	}

}
