package org.helpline.contact;

import java.util.List;

import org.helpline.caller.CallerGroup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param serviceLevelSeconds a call answered within this many seconds of waiting meets the
 * service level
 * @param smallCellThreshold published figures show counts from 1 to one below this as
 * "&lt;5" (with the default of 5)
 * @param detailYears how many years before the current one keep their detailed records;
 * older years are reduced to the sums the reports need
 * @param retentionCron when that reduction runs
 * @param callerGroups the caller groups the menu and imports may name, in report order
 */
@ConfigurationProperties("helpline.statistics")
public record StatisticsProperties(@DefaultValue("20") int serviceLevelSeconds, @DefaultValue("5") int smallCellThreshold,
		@DefaultValue("5") int detailYears, @DefaultValue("0 30 3 * * *") String retentionCron,
		@DefaultValue({ "SELF", "PARTNER_FAMILY", "PROFESSIONAL", "OTHER" }) List<String> callerGroups) {

	/** Codes in their one spelling, however the configuration writes them. */
	public StatisticsProperties {
		callerGroups = callerGroups.stream().map(CallerGroup::of).map(CallerGroup::code).toList();
	}

}
