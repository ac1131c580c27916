package org.helpline.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param seed on a first start (no helpline, no counsellor, nothing ever audited) create the
 * example helpline and two example counsellors ({@link DemoSeed}); false in {@code prod},
 * which refuses to start with it switched on ({@link LocalDefaultSecrets})
 */
@ConfigurationProperties("helpline.demo")
record DemoProperties(@DefaultValue("true") boolean seed) {

}
