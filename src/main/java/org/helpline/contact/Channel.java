package org.helpline.contact;

import java.util.Locale;
import java.util.Optional;

/** How a contact reached the helpline. Stored and shown by its lower-case code. */
enum Channel {

	PHONE, EMAIL, CHAT;

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Channel> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "phone", "telefoon" -> Optional.of(PHONE);
			case "email", "e-mail", "mail" -> Optional.of(EMAIL);
			case "chat" -> Optional.of(CHAT);
			default -> Optional.empty();
		};
	}

}
