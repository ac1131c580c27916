package org.helpline.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The host folder of operators' prompt audio, which Asterisk reads too. Each version of a
 * prompt gets a file name of its own ({@code <key>-<8 hex of its content hash>.wav}), so a
 * caller never hears half a file and Asterisk caches nothing stale.
 */
@Component
class AudioFolder {

	private static final Logger log = LoggerFactory.getLogger(AudioFolder.class);

	private final Path root;

	private final String asteriskName;

	AudioFolder(PromptProperties properties) {
		this.root = properties.audioFolder().toAbsolutePath().normalize();
		this.asteriskName = properties.asteriskName();
	}

	Path root() {
		return root;
	}

	/** A new empty file beside the prompts of a language, to be kept or deleted by the caller. */
	Path workFile(String language, String suffix) {
		try {
			Path folder = Files.createDirectories(root.resolve(language));
			return Files.createTempFile(folder, ".work-", suffix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write in the prompts audio folder " + root, ex);
		}
	}

	/** Moves a finished WAV into place under its versioned name, and returns that name. */
	String keep(Prompt prompt, Path wav) {
		try (InputStream content = Files.newInputStream(wav)) {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			content.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
			String name = prompt.key() + "-" + HexFormat.of().formatHex(sha.digest(), 0, 4) + ".wav";
			// Created as owner-only; Asterisk runs as another user and has to read it.
			Files.setPosixFilePermissions(wav, PosixFilePermissions.fromString("rw-r--r--"));
			Files.move(wav, file(prompt.language(), name), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			return name;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write in the prompts audio folder " + root, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Path file(String language, String name) {
		return root.resolve(language).resolve(name);
	}

	boolean readable(String language, String name) {
		Path file = file(language, name);
		return Files.isRegularFile(file) && Files.isReadable(file);
	}

	/** The name Asterisk plays the file by: below its sounds path, without extension. */
	String asteriskName(String language, String name) {
		return asteriskName + "/" + language + "/" + name.replaceFirst("\\.wav$", "");
	}

	void delete(String language, String name) {
		delete(file(language, name));
	}

	void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// Only a stale file is left behind; nothing plays it any more.
			log.warn("Could not delete {}: {}", file, ex.toString());
		}
	}

}
