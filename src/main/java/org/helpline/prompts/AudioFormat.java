package org.helpline.prompts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The recording formats an operator may upload, recognised by their first bytes and never by
 * the file's name. sox is always told the type ({@code -t}): left to itself it also reads
 * playlists (m3u, pls) and fetches their http entries through a shell, which ran commands
 * hidden in an uploaded "recording".
 */
enum AudioFormat {

	WAV("wav"), FLAC("flac"), OGG("ogg"), AIFF("aiff"), AU("au");

	private final String soxType;

	AudioFormat(String soxType) {
		this.soxType = soxType;
	}

	/** The name sox knows this format by, for {@code -t}. */
	String soxType() {
		return soxType;
	}

	/** The format whose signature the content starts with, if it is one we accept. */
	static Optional<AudioFormat> of(byte[] content) {
		if (startsWith(content, 0, "RIFF") && startsWith(content, 8, "WAVE")) {
			return Optional.of(WAV);
		}
		if (startsWith(content, 0, "fLaC")) {
			return Optional.of(FLAC);
		}
		if (startsWith(content, 0, "OggS")) {
			return Optional.of(OGG);
		}
		if (startsWith(content, 0, "FORM") && (startsWith(content, 8, "AIFF") || startsWith(content, 8, "AIFC"))) {
			return Optional.of(AIFF);
		}
		if (startsWith(content, 0, ".snd")) {
			return Optional.of(AU);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, int offset, String signature) {
		byte[] expected = signature.getBytes(StandardCharsets.US_ASCII);
		return content.length >= offset + expected.length
				&& Arrays.equals(content, offset, offset + expected.length, expected, 0, expected.length);
	}

}
