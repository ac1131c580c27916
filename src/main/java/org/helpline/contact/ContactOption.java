package org.helpline.contact;

/**
 * One choice of an operator-managed list (a topic or a referral). An option in use is made
 * inactive rather than removed, so past contacts and reports keep their labels.
 */
public record ContactOption(String code, String labelNl, String labelEn, boolean active, int position) {

	/** What an operator sends to add or change an option; checked field by field. */
	public record Settings(String labelNl, String labelEn, Boolean active, Integer position) {
	}

	/** The two lists. */
	public enum Kind {

		TOPIC("topic"), REFERRAL("referral");

		private final String table;

		Kind(String table) {
			this.table = table;
		}

		String table() {
			return table;
		}

	}

}
