package org.helpline.menu;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheTtl how long a menu is served from memory; a change made through another
 * instance is heard by callers of this one after at most this long
 */
@ConfigurationProperties("helpline.menu")
record MenuProperties(@DefaultValue("30s") Duration cacheTtl) {

}
