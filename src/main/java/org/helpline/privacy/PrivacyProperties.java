package org.helpline.privacy;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keyFolder where the yearly pseudonym keys live (one file per year, mode 600);
 * keys may also come from {@code HELPLINE_PSEUDONYM_KEY_<year>}
 * @param createMissingKeys make a missing key on first use: for development only. The
 * {@code prod} profile turns it off and refuses to start without the current year's key.
 * @param keyReload how long a key stays in memory before it is read again, which bounds how
 * long a destroyed key outlives its file in this process
 * @param startTimeResolution how coarsely a contact's start is stored (local time)
 * @param durationResolution how coarsely a call's waiting, ringing and talk time are stored
 */
@ConfigurationProperties("helpline.privacy")
record PrivacyProperties(@DefaultValue("./data/keys") Path keyFolder, @DefaultValue("true") boolean createMissingKeys,
		@DefaultValue("10m") Duration keyReload, @DefaultValue("1h") Duration startTimeResolution,
		@DefaultValue("30s") Duration durationResolution) {

}
