package org.helpline.system;

import org.helpline.schedule.OpeningHours;
import org.helpline.schedule.PublicHolidays;
import org.helpline.schedule.ScheduleValidator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The schedule domain is plain Java; this is where it joins the application. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

	@Bean
	PublicHolidays publicHolidays() {
		return new PublicHolidays();
	}

	@Bean
	ScheduleValidator scheduleValidator(PublicHolidays holidays) {
		return new ScheduleValidator(holidays);
	}

	@Bean
	OpeningHours openingHours(PublicHolidays holidays) {
		return new OpeningHours(holidays);
	}

}
