package org.helpline.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest CSV file an import takes; a larger one is refused before it is
 * read into memory (ten years of a busy helpline's history is well under 1 MB)
 */
@ConfigurationProperties("helpline.import")
record ImportProperties(@DefaultValue("5MB") DataSize maxSize) {

}
