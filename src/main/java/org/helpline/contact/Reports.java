package org.helpline.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.helpline.contact.ContactOption.Kind;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.Helplines;
import org.helpline.helplines.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The helpline's figures per year, quarter or month, for one helpline or all together. */
@Service
public class Reports {

	private final ReportQueries queries;

	private final ContactOptions options;

	private final Helplines helplines;

	private final StatisticsProperties properties;

	private final Clock clock;

	private final ReportCache cache;

	private final TransactionTemplate snapshot;

	Reports(ReportQueries queries, ReportCache cache, ContactOptions options, Helplines helplines,
			StatisticsProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.queries = queries;
		this.cache = cache;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.options = options;
		this.helplines = helplines;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Brings the cache of ended months up to date, then reads one snapshot of the data
	 * (repeatable read), so that retention running at the same moment cannot make a report
	 * count a year twice or not at all.
	 * @param helplineId null for all helplines together
	 * @param published suppress small cells, for figures that leave the helpline
	 * @throws NotFoundException if there is no such helpline
	 */
	public Report report(ReportPeriod period, @Nullable Long helplineId, boolean published) {
		Helpline helpline = helplineId == null ? null : helplines.get(helplineId);
		ZoneId zone = helpline == null ? ZoneOffset.UTC : helpline.zone();
		cache.refresh(period.year() - 1, period.year());
		ReportData data = snapshot.execute(status -> queries.load(period.year() - 1, period.year(), helplineId,
				properties.serviceLevelSeconds()));
		ReportBuilder builder = new ReportBuilder(data,
				new Suppression(published, properties.smallCellThreshold()), properties.serviceLevelSeconds(),
				properties.callerGroups(), options.byCode(Kind.TOPIC), options.byCode(Kind.REFERRAL),
				LocalDate.ofInstant(clock.instant(), zone));
		return builder.build(period, helplineId, helpline == null ? null : helpline.name(),
				properties.smallCellThreshold());
	}

}
