package org.helpline.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.helpline.privacy.CallerIdentity.KeyMissing;
import org.helpline.privacy.CallerIdentity.Pseudonymous;
import org.helpline.privacy.CallerIdentity.Withheld;
import org.jspecify.annotations.Nullable;

/**
 * Turns a caller's number into HMAC-SHA-256(number in E.164, key of the year). The same
 * person gets the same pseudonym within a year whatever form the number arrives in, and an
 * unrelated one the next year. Without the key nobody can test the small space of phone
 * numbers against a stored pseudonym.
 */
public final class Pseudonyms {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	// Person keys and numbers share the pseudonym column; this keeps them from colliding.
	private static final String PERSON_KEY_PREFIX = "person-key:";

	private final PseudonymKeys keys;

	public Pseudonyms(PseudonymKeys keys) {
		this.keys = keys;
	}

	/**
	 * @param country the helpline's country (ISO 3166 code, e.g. {@code NL}): how national
	 * numbers such as {@code 0612345678} are read
	 * @param year the year of the call in the helpline's time zone
	 */
	public CallerIdentity identify(CallerNumber caller, @Nullable String country, int year) {
		Optional<String> number = e164(caller, country);
		if (number.isEmpty()) {
			return new Withheld();
		}
		Optional<byte[]> key = keys.forYear(year);
		if (key.isEmpty()) {
			return new KeyMissing(year);
		}
		return new Pseudonymous(hmac(key.get(), number.get()));
	}

	/**
	 * The pseudonym of a person key a counsellor or an imported file gives for a contact
	 * without a number (e-mail, chat, history). Case and surrounding blanks do not count.
	 * @return empty if there is no key for {@code year}
	 */
	public Optional<Pseudonym> ofPersonKey(String personKey, int year) {
		String normalised = PERSON_KEY_PREFIX + personKey.strip().toLowerCase(Locale.ROOT);
		return keys.forYear(year).map(key -> hmac(key, normalised));
	}

	/** The number in E.164 form, or empty if it is withheld or no possible phone number. */
	static Optional<String> e164(CallerNumber caller, @Nullable String country) {
		if (caller == null || caller.isWithheld()) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = PHONES.parse(caller.raw(), region(country));
			if (!PHONES.isPossibleNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(PHONES.format(number, PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/** Only international numbers (+…, 00…) can be read for an unknown country. */
	private static String region(@Nullable String country) {
		if (country == null || country.strip().length() < 2) {
			return "ZZ";
		}
		String region = country.strip().substring(0, 2).toUpperCase(Locale.ROOT);
		return PHONES.getSupportedRegions().contains(region) ? region : "ZZ";
	}

	private static Pseudonym hmac(byte[] key, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return Pseudonym.of(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", ex);
		}
	}

}
