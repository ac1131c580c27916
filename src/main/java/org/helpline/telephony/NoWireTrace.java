package org.helpline.telephony;

import java.util.Locale;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start while Asterisk-Java would write what crosses the wire: its trace files
 * ({@code -Dorg.asteriskjava.trace=true}) or its debug log hold every AGI request and AMI
 * event, caller numbers included.
 */
@Component
class NoWireTrace {

	/** Asterisk-Java's own switch (SocketConnectionFacadeImpl), which writes FileTrace files. */
	static final String TRACE_PROPERTY = "org.asteriskjava.trace";

	private static final Set<String> WIRE_LEVELS = Set.of("TRACE", "DEBUG", "ALL");

	NoWireTrace(Environment environment) {
		if (Boolean.parseBoolean(System.getProperty(TRACE_PROPERTY))
				|| environment.getProperty(TRACE_PROPERTY, Boolean.class, false)) {
			throw new IllegalStateException("Refusing to start with " + TRACE_PROPERTY
					+ "=true: Asterisk-Java would write caller numbers to its trace files");
		}
		String level = environment.getProperty("logging.level.org.asteriskjava", "OFF").toUpperCase(Locale.ROOT);
		if (WIRE_LEVELS.contains(level)) {
			throw new IllegalStateException("Refusing to start with logging.level.org.asteriskjava=" + level
					+ ": Asterisk-Java would log caller numbers");
		}
	}

}
