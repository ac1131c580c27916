package org.helpline.prompts;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param audioFolder where operators' prompt audio is written, as {@code <language>/<key>-<hash>.wav};
 * a host folder Asterisk reads as well
 * @param asteriskName the name of that folder below Asterisk's sounds path
 * @param espeak the espeak-ng command that speaks a text
 * @param sox the sox command that converts audio
 * @param toolTimeout how long one run of espeak-ng and sox may take
 * @param maxUpload the largest audio file an operator may upload
 * @param maxUploadLength the longest recording an operator may upload
 * @param cacheTtl how long operators' prompts and the presence of their files may be served
 * from memory; a change through this instance takes effect at once, the health check
 * re-checks the files
 */
@ConfigurationProperties("helpline.prompts")
record PromptProperties(@DefaultValue("./data/prompts") Path audioFolder,
		@DefaultValue("helpline-live") String asteriskName, @DefaultValue("espeak-ng") String espeak,
		@DefaultValue("sox") String sox, @DefaultValue("20s") Duration toolTimeout,
		@DefaultValue("5MB") DataSize maxUpload, @DefaultValue("60s") Duration maxUploadLength,
		@DefaultValue("30s") Duration cacheTtl) {

}
