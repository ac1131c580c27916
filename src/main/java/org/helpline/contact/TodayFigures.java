package org.helpline.contact;

import java.time.Clock;
import java.time.LocalDate;

import org.helpline.helplines.Helpline;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Today's calls of one helpline for the live board, counted the way the reports count them,
 * so the board and the quarter's report never disagree on what "service level" means.
 */
@Service
public class TodayFigures {

	private final JdbcClient jdbc;

	private final StatisticsProperties properties;

	private final Clock clock;

	TodayFigures(JdbcClient jdbc, StatisticsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param offered calls that reached the queue: answered (with a known waiting time),
	 * abandoned while waiting, or sent on after waiting too long
	 * @param serviceLevelPercent share of offered calls answered within
	 * {@code serviceLevelSeconds}; null when no call was offered yet
	 */
	public record Today(LocalDate date, long answered, long abandoned, long offered, int serviceLevelSeconds,
			@Nullable Double serviceLevelPercent) {
	}

	/** Today in the helpline's own time zone; stored start times are coarsened, their dates are exact. */
	public Today of(Helpline helpline) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), helpline.zone());
		int target = properties.serviceLevelSeconds();
		return jdbc.sql("""
				select
				  coalesce(sum(case when outcome = 'ANSWERED' then 1 else 0 end), 0) as answered,
				  coalesce(sum(case when outcome = 'ABANDONED_WAITING' then 1 else 0 end), 0) as abandoned,
				  coalesce(sum(case when outcome = 'OVERFLOW' then 1 else 0 end), 0) as overflow,
				  coalesce(sum(case when outcome = 'ANSWERED' and waiting_seconds is not null then 1 else 0 end), 0)
				    as answered_timed,
				  coalesce(sum(case when outcome = 'ANSWERED' and answered_within_service_level then 1 else 0 end), 0)
				    as within_target
				from contact_record
				where helpline_id = :helpline and channel = 'phone'
				  and period_year = :year and period_month = :month
				  and started_local >= :from and started_local < :until""")
			.param("helpline", helpline.id())
			.param("year", today.getYear())
			.param("month", today.getMonthValue())
			.param("from", today.atStartOfDay())
			.param("until", today.plusDays(1).atStartOfDay())
			.query((rs, row) -> {
				long offered = rs.getLong("answered_timed") + rs.getLong("abandoned") + rs.getLong("overflow");
				Double level = offered == 0 ? null
						: Suppression.round(rs.getLong("within_target") * 100.0 / offered);
				return new Today(today, rs.getLong("answered"), rs.getLong("abandoned"), offered, target, level);
			})
			.single();
	}

}
