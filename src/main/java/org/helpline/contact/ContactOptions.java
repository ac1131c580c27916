package org.helpline.contact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.helpline.audit.AuditTrail;
import org.helpline.contact.ContactOption.Kind;
import org.helpline.contact.ContactOption.Settings;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.ProblemCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The topics and referrals counsellors choose from after a contact; operators manage them. */
@Service
public class ContactOptions {

	static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ContactOptions(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<ContactOption> list(Kind kind) {
		return jdbc.sql("select code, label_nl, label_en, active, position from " + kind.table()
				+ " order by position, code")
			.query((rs, n) -> new ContactOption(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getInt(5)))
			.list();
	}

	/** Every option of the list by code, inactive ones included, in list order. */
	Map<String, ContactOption> byCode(Kind kind) {
		Map<String, ContactOption> options = new LinkedHashMap<>();
		list(kind).forEach(option -> options.put(option.code(), option));
		return options;
	}

	/**
	 * Adds the option or changes its labels, state or position; audited as subject
	 * {@code contact-option} with id {@code <kind>/<code>}, e.g. {@code topic/DOWNLOADING}.
	 */
	@Transactional
	public ContactOption save(Kind kind, String code, Settings settings) {
		List<FieldProblem> problems = new ArrayList<>();
		if (code == null || !CODE.matcher(code).matches()) {
			problems.add(FieldProblem.of(ProblemCode.CONTACT_OPTION_CODE_INVALID, "code", code));
		}
		if (settings == null) {
			throw new ChangeRefusedException("body", "a request body is required");
		}
		label(settings.labelNl(), "labelNl", problems);
		label(settings.labelEn(), "labelEn", problems);
		if (!problems.isEmpty()) {
			throw new ChangeRefusedException(problems);
		}
		ContactOption before = byCode(kind).get(code);
		boolean active = settings.active() == null || settings.active();
		int position = settings.position() != null ? settings.position()
				: jdbc.sql("select coalesce(max(position), 0) + 1 from " + kind.table()).query(Integer.class).single();
		Map<String, Object> values = Map.of("code", code, "nl", settings.labelNl().strip(), "en",
				settings.labelEn().strip(), "active", active, "position", position);
		int changed = jdbc.sql("update " + kind.table()
				+ " set label_nl = :nl, label_en = :en, active = :active, position = :position where code = :code")
			.params(values)
			.update();
		if (changed == 0) {
			jdbc.sql("insert into " + kind.table()
					+ " (code, label_nl, label_en, active, position) values (:code, :nl, :en, :active, :position)")
				.params(values)
				.update();
		}
		ContactOption after = new ContactOption(code, settings.labelNl().strip(), settings.labelEn().strip(), active,
				position);
		audit.record("contact-option", kind.name().toLowerCase(Locale.ROOT) + "/" + code,
				changed == 0 ? "create" : "update", before, after);
		return after;
	}

	private static void label(String label, String field, List<FieldProblem> problems) {
		if (label == null || label.isBlank() || label.strip().length() > 200) {
			problems.add(FieldProblem.of(ProblemCode.CONTACT_OPTION_LABEL_REQUIRED, field));
		}
	}

}
