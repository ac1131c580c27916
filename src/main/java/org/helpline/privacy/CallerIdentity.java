package org.helpline.privacy;

/** What a contact record may keep of who called: a pseudonym at most. */
public sealed interface CallerIdentity {

	/** The number was withheld or is no phone number: no pseudonym, counted apart. */
	record Withheld() implements CallerIdentity {
	}

	record Pseudonymous(Pseudonym pseudonym) implements CallerIdentity {
	}

	/**
	 * The number was known but the key of its year is not available, so nothing of it can be
	 * kept. The contact still counts; the person does not.
	 */
	record KeyMissing(int year) implements CallerIdentity {
	}

}
