package org.helpline.contact;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Retention runs on a schedule ({@code helpline.statistics.retention-cron}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ContactConfiguration {

}
