package org.helpline.helplines;

/**
 * Every reason the domain gives for refusing a change. The domain names only the reason; its
 * words are {@code problem.<code>} in {@code i18n/problems} (English) and
 * {@code i18n/problems_nl}, so a new reason is a constant here and a text in both.
 */
public enum ProblemCode {

	FORM_FILE_TOO_LARGE("form.file-too-large"),
	FORM_INVALID("form.invalid"),
	FORM_NOT_A_DATE("form.not-a-date"),
	FORM_NOT_A_DATE_TIME("form.not-a-date-time"),
	FORM_NOT_A_NUMBER("form.not-a-number"),
	FORM_NOT_A_TIME("form.not-a-time"),
	FORM_NOT_KEYS("form.not-keys"),
	FORM_REQUIRED("form.required"),

	HELPLINE_NAME_REQUIRED("helpline.name-required"),
	HELPLINE_NAME_TAKEN("helpline.name-taken"),
	HELPLINE_NUMBER_NOT_DIGITS("helpline.number-not-digits"),
	HELPLINE_NUMBER_REQUIRED("helpline.number-required"),
	HELPLINE_NUMBER_TAKEN("helpline.number-taken"),
	HELPLINE_NUMBER_TWICE("helpline.number-twice"),
	HELPLINE_RING_TIMEOUT_RANGE("helpline.ring-timeout-range"),
	HELPLINE_UNKNOWN_COUNTRY("helpline.unknown-country"),
	HELPLINE_UNKNOWN_LANGUAGE("helpline.unknown-language"),
	HELPLINE_UNKNOWN_TIME_ZONE("helpline.unknown-time-zone"),
	HELPLINE_YEAR_RANGE("helpline.year-range"),

	SCHEDULE_DAY_REQUIRED("schedule.day-required"),

	ROUTING_CHOICE_INVALID("routing.choice-invalid"),
	ROUTING_SECONDS_RANGE("routing.seconds-range"),
	ROUTING_WIDENING_ORDER("routing.widening-order"),
	ROUTING_WIDENING_RANGE("routing.widening-range"),
	ROUTING_WIDENING_STEPS("routing.widening-steps"),

	COUNSELLOR_ACCOUNT_TAKEN("counsellor.account-taken"),
	COUNSELLOR_ACCOUNT_UNKNOWN("counsellor.account-unknown"),
	COUNSELLOR_ENDPOINT_INVALID("counsellor.endpoint-invalid"),
	COUNSELLOR_ENDPOINT_TAKEN("counsellor.endpoint-taken"),
	COUNSELLOR_EXTERNAL_NOT_DIGITS("counsellor.external-not-digits"),
	COUNSELLOR_LEVEL_NAME_INVALID("counsellor.level-name-invalid"),
	COUNSELLOR_LEVEL_RANGE("counsellor.level-range"),
	COUNSELLOR_NAME_REQUIRED("counsellor.name-required"),
	COUNSELLOR_PHONE_BOTH("counsellor.phone-both"),
	COUNSELLOR_PHONE_NEITHER("counsellor.phone-neither"),
	COUNSELLOR_REMOVE_DURING_CALL("counsellor.remove-during-call"),

	PRESENCE_EXTENSION_RANGE("presence.extension-range"),
	PRESENCE_PAUSE_REASON_INVALID("presence.pause-reason-invalid"),
	PRESENCE_REASON_REQUIRED("presence.reason-required"),

	MENU_ACTION_INVALID("menu.action-invalid"),
	MENU_CALLER_GROUP_INVALID("menu.caller-group-invalid"),
	MENU_DEFAULT_REQUIRED("menu.default-required"),
	MENU_DEFAULT_RETURNS("menu.default-returns"),
	MENU_DEFAULT_SWITCHES_LANGUAGE("menu.default-switches-language"),
	MENU_DEFAULT_UNKNOWN("menu.default-unknown"),
	MENU_DIGIT_INVALID("menu.digit-invalid"),
	MENU_DIGIT_TWICE("menu.digit-twice"),
	MENU_LANGUAGE_NOT_IN_MENU("menu.language-not-in-menu"),
	MENU_LANGUAGE_REQUIRED("menu.language-required"),
	MENU_LANGUAGE_TWICE("menu.language-twice"),
	MENU_MESSAGE_REQUIRED("menu.message-required"),
	MENU_NO_END("menu.no-end"),
	MENU_OPTION_EMPTY("menu.option-empty"),
	MENU_OPTION_REQUIRED("menu.option-required"),
	MENU_PROMPT_REQUIRED("menu.prompt-required"),
	MENU_PROMPT_TEXT_MISSING("menu.prompt-text-missing"),
	MENU_REPEATS_RANGE("menu.repeats-range"),
	MENU_TIMEOUT_RANGE("menu.timeout-range"),
	MENU_UNKNOWN_LANGUAGE("menu.unknown-language"),
	MENU_VERSION_UNKNOWN("menu.version-unknown"),

	PROMPT_FILE_EMPTY("prompt.file-empty"),
	PROMPT_FILE_REQUIRED("prompt.file-required"),
	PROMPT_FILE_TOO_LARGE("prompt.file-too-large"),
	PROMPT_KEY_EXISTS("prompt.key-exists"),
	PROMPT_KEY_INVALID("prompt.key-invalid"),
	PROMPT_LANGUAGE_INVALID("prompt.language-invalid"),
	PROMPT_NEW_NEEDS_TEXT("prompt.new-needs-text"),
	PROMPT_NOT_AUDIO("prompt.not-audio"),
	PROMPT_RECORDING_TOO_LONG("prompt.recording-too-long"),
	PROMPT_TEXT_CONTROL_CHARACTERS("prompt.text-control-characters"),
	PROMPT_TEXT_REQUIRED("prompt.text-required"),
	PROMPT_TEXT_TOO_LONG("prompt.text-too-long"),

	CONTACT_CALLER_GROUP_INVALID("contact.caller-group-invalid"),
	CONTACT_CHANNEL_INVALID("contact.channel-invalid"),
	CONTACT_DATE_BEFORE_1990("contact.date-before-1990"),
	CONTACT_DATE_FUTURE("contact.date-future"),
	CONTACT_DATE_REDUCED("contact.date-reduced"),
	CONTACT_DATE_REQUIRED("contact.date-required"),
	CONTACT_HELPLINE_REQUIRED("contact.helpline-required"),
	CONTACT_HELPLINE_UNKNOWN("contact.helpline-unknown"),
	CONTACT_LANGUAGE_INVALID("contact.language-invalid"),
	CONTACT_OPTION_CODE_INVALID("contact.option-code-invalid"),
	CONTACT_OPTION_INACTIVE("contact.option-inactive"),
	CONTACT_OPTION_LABEL_REQUIRED("contact.option-label-required"),
	CONTACT_PERSON_KEY_NO_PSEUDONYM("contact.person-key-no-pseudonym"),
	CONTACT_PERSON_KEY_TOO_LONG("contact.person-key-too-long"),
	CONTACT_RETURNING_RECOGNISED("contact.returning-recognised"),
	CONTACT_RETURNING_WITH_PERSON_KEY("contact.returning-with-person-key"),
	CONTACT_WRAP_UP_UNANSWERED("contact.wrap-up-unanswered"),

	IMPORT_CHANNEL_INVALID("import.channel-invalid"),
	IMPORT_COLUMN_MISSING("import.column-missing"),
	IMPORT_FIELD_COUNT("import.field-count"),
	IMPORT_NO_PSEUDONYM_KEY("import.no-pseudonym-key"),
	IMPORT_NO_ROWS("import.no-rows"),
	IMPORT_NOT_A_DATE("import.not-a-date"),
	IMPORT_NOT_CSV("import.not-csv"),
	IMPORT_ONE_REFERRAL("import.one-referral"),
	IMPORT_TOO_LARGE("import.too-large"),
	IMPORT_TOO_MANY_ROWS("import.too-many-rows"),
	IMPORT_UNKNOWN_CODE("import.unknown-code"),
	IMPORT_UNKNOWN_COLUMN("import.unknown-column"),
	IMPORT_YEAR_IMPORTED("import.year-imported"),

	REPORT_FORMAT_INVALID("report.format-invalid"),
	REPORT_PERIOD_INVALID("report.period-invalid"),

	PREVIEW_AT_INVALID("preview.at-invalid"),

	AUDIT_LIMIT_RANGE("audit.limit-range"),

	ACCOUNT_CONFIRM_REMOVAL("account.confirm-removal"),
	ACCOUNT_COUNSELLOR_TAKEN("account.counsellor-taken"),
	ACCOUNT_COUNSELLOR_UNKNOWN("account.counsellor-unknown"),
	ACCOUNT_CURRENT_PASSWORD_WRONG("account.current-password-wrong"),
	ACCOUNT_ENABLED_REQUIRED("account.enabled-required"),
	ACCOUNT_LAST_ADMIN("account.last-admin"),
	ACCOUNT_PASSWORD_TOO_LONG("account.password-too-long"),
	ACCOUNT_PASSWORD_TOO_SHORT("account.password-too-short"),
	ACCOUNT_REPEAT_DIFFERS("account.repeat-differs"),
	ACCOUNT_ROLE_REQUIRED("account.role-required"),
	ACCOUNT_ROLE_UNKNOWN("account.role-unknown"),
	ACCOUNT_USERNAME_INVALID("account.username-invalid"),
	ACCOUNT_USERNAME_TAKEN("account.username-taken");

	private final String code;

	ProblemCode(String code) {
		this.code = code;
	}

	/** The name of its text, without the {@code problem.} prefix. */
	public String code() {
		return code;
	}

}
