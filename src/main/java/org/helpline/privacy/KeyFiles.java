package org.helpline.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The key folder: one file per year ({@code pseudonym-2027.key}, a base64 line of 32 random
 * bytes), readable by the service's user only. Plain Java, so the rotation command runs
 * without the application.
 */
final class KeyFiles {

	static final int KEY_BYTES = 32;

	private static final Pattern NAME = Pattern.compile("pseudonym-(\\d{4})\\.key");

	private static final SecureRandom RANDOM = new SecureRandom();

	private KeyFiles() {
	}

	static Path file(Path folder, int year) {
		return folder.resolve("pseudonym-" + year + ".key");
	}

	static Optional<byte[]> read(Path folder, int year) {
		Path file = file(folder, year);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			refuseIfOthersMayRead(file);
			return Optional.of(decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the pseudonym key " + file, ex);
		}
	}

	/**
	 * Creates the key of {@code year} unless it exists. Safe when two processes race: the
	 * file is created atomically and the loser reads the winner's key.
	 * @return true if this call created it
	 */
	static boolean create(Path folder, int year) {
		Path file = file(folder, year);
		byte[] key = new byte[KEY_BYTES];
		RANDOM.nextBytes(key);
		byte[] line = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
		try {
			createFolder(folder);
			try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE, StandardOpenOption.SYNC), ownerOnly(folder, "rw-------"))) {
				channel.write(ByteBuffer.wrap(line));
			}
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the pseudonym key " + file, ex);
		}
	}

	/**
	 * Overwrites the key with random bytes, then deletes it. On copy-on-write file systems
	 * and SSDs the overwrite is best effort; the folder belongs on encrypted storage.
	 */
	static boolean destroy(Path folder, int year) {
		Path file = file(folder, year);
		if (!Files.exists(file)) {
			return false;
		}
		try {
			long size = Files.size(file);
			byte[] noise = new byte[(int) Math.max(size, KEY_BYTES)];
			RANDOM.nextBytes(noise);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
				channel.write(ByteBuffer.wrap(noise));
				channel.force(true);
			}
			Files.delete(file);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot destroy the pseudonym key " + file, ex);
		}
	}

	static List<Integer> years(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(f -> NAME.matcher(f.getFileName().toString()))
				.filter(Matcher::matches)
				.map(m -> Integer.valueOf(m.group(1)))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the pseudonym keys in " + folder, ex);
		}
	}

	/**
	 * Like ssh with a private key: a key that group or others may read (or write) is not used.
	 * Another account that can read it can reverse that year's pseudonyms.
	 */
	private static void refuseIfOthersMayRead(Path file) throws IOException {
		if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
			throw new ExposedKeyException("The pseudonym key " + file + " may be read by group or others ("
					+ PosixFilePermissions.toString(permissions) + "): refused; chmod 600 it");
		}
	}

	/** A key as written by {@link #create} or given in the environment: base64, at least 256 bits. */
	static byte[] decode(String text, String where) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The pseudonym key in " + where + " is not base64");
		}
		if (key.length < KEY_BYTES) {
			throw new IllegalStateException("The pseudonym key in " + where + " is shorter than 256 bits");
		}
		return key;
	}

	private static void createFolder(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			Files.createDirectories(folder, ownerOnly(folder, "rwx------"));
		}
	}

	private static FileAttribute<?>[] ownerOnly(Path path, String permissions) {
		if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] {
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) };
	}

	/** A key file that others may have read: no secret any more, so not used. */
	static final class ExposedKeyException extends IllegalStateException {

		ExposedKeyException(String message) {
			super(message);
		}

	}

}
