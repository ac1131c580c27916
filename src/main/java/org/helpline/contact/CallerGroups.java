package org.helpline.contact;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The caller groups the menu and counsellors may name, in report order, with their labels. */
@Component
public class CallerGroups {

	private final StatisticsProperties properties;

	CallerGroups(StatisticsProperties properties) {
		this.properties = properties;
	}

	public List<String> codes() {
		return properties.callerGroups();
	}

	/** The group's name in {@code nl} or {@code en}; the code itself for a group without one. */
	public String label(String code, String language) {
		Map<String, String> labels = Labels.callerGroup(code);
		return labels.getOrDefault(language, labels.getOrDefault("en", code));
	}

}
