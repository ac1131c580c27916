package org.helpline.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The routing rules an operator set for a helpline; none stored means the defaults. */
@Repository
class RoutingSettingsRepository {

	private final JdbcClient jdbc;

	RoutingSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find(long helplineId) {
		return jdbc.sql("select * from routing_settings where helpline_id = ?")
			.param(helplineId)
			.query((rs, n) -> new Stored(Strategy.valueOf(rs.getString("strategy")), rs.getInt("ring_timeout_seconds"),
					rs.getInt("wrap_up_seconds"), rs.getInt("max_wait_seconds"), rs.getInt("announcement_seconds"),
					Announce.valueOf(rs.getString("announce")), seconds(rs.getString("widening_seconds")),
					rs.getBoolean("whisper"), rs.getInt("wait_for_sign_in_seconds")))
			.optional();
	}

	/** One statement each way, so the rules are in force once it returns (no transaction to wait for). */
	void save(RoutingRules rules) {
		Object[] values = { rules.strategy().name(), rules.ringTimeoutSeconds(), rules.wrapUpSeconds(),
				rules.maxWaitSeconds(), rules.announcementSeconds(), rules.announce().name(),
				rules.wideningSeconds().stream().map(String::valueOf).collect(Collectors.joining(",")), rules.whisper(),
				rules.waitForSignInSeconds(), rules.helplineId() };
		int updated = jdbc.sql("""
				update routing_settings set strategy = ?, ring_timeout_seconds = ?, wrap_up_seconds = ?,
				  max_wait_seconds = ?, announcement_seconds = ?, announce = ?, widening_seconds = ?, whisper = ?,
				  wait_for_sign_in_seconds = ?
				where helpline_id = ?""").params(values).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into routing_settings (strategy, ring_timeout_seconds, wrap_up_seconds, max_wait_seconds,
					  announcement_seconds, announce, widening_seconds, whisper, wait_for_sign_in_seconds, helpline_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
		}
	}

	private static List<Integer> seconds(String joined) {
		return Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).map(Integer::valueOf).toList();
	}

	record Stored(Strategy strategy, int ringTimeoutSeconds, int wrapUpSeconds, int maxWaitSeconds,
			int announcementSeconds, Announce announce, List<Integer> wideningSeconds, boolean whisper,
			int waitForSignInSeconds) {
	}

}
