package org.helpline.helplines;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheTtl how long a lookup by dialled number may be served from memory. A change
 * made through this instance takes effect at once; this bounds how long another instance
 * sharing the database keeps the old rules.
 */
@ConfigurationProperties("helpline.directory")
record HelplineProperties(@DefaultValue("30s") Duration cacheTtl) {

}
