package org.helpline.web.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.helpline.audit.AuditEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * An audit entry as a row of the page: the fields that changed at a glance, the whole
 * before and after pretty-printed for a closer look.
 */
@Component
class AuditRows {

	private final JsonMapper json;

	AuditRows(JsonMapper json) {
		this.json = json;
	}

	Row of(AuditEntry entry, String when) {
		JsonNode before = parse(entry.before());
		JsonNode after = parse(entry.after());
		return new Row(entry, when, pretty(entry.before(), before), pretty(entry.after(), after),
				changes(before, after));
	}

	/** Top-level fields only: deeper ones show as their JSON, which stays short for most subjects. */
	static List<Change> changes(@Nullable JsonNode before, @Nullable JsonNode after) {
		if (!isObjectOrNull(before) || !isObjectOrNull(after) || (before == null && after == null)) {
			return List.of();
		}
		Set<String> fields = new LinkedHashSet<>();
		if (before != null) {
			fields.addAll(before.propertyNames());
		}
		if (after != null) {
			fields.addAll(after.propertyNames());
		}
		List<Change> changes = new ArrayList<>();
		for (String field : fields) {
			String was = text(before == null ? null : before.get(field));
			String is = text(after == null ? null : after.get(field));
			if (!Objects.equals(was, is)) {
				changes.add(new Change(field, was, is));
			}
		}
		return changes;
	}

	private @Nullable JsonNode parse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return json.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private @Nullable String pretty(@Nullable String raw, @Nullable JsonNode node) {
		return node == null ? raw : json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
	}

	private static boolean isObjectOrNull(@Nullable JsonNode node) {
		return node == null || node.isObject();
	}

	private static @Nullable String text(@Nullable JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		return value.isString() ? value.asString() : value.toString();
	}

	/** @param before null when the entry had no value before, e.g. when it was created */
	record Row(AuditEntry entry, String when, @Nullable String before, @Nullable String after, List<Change> changes) {
	}

	/** @param before null when the field was not there (or empty) before */
	record Change(String field, @Nullable String before, @Nullable String after) {
	}

}
