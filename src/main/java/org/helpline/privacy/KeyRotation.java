package org.helpline.privacy;

import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * The yearly key rotation (ops/rotate-pseudonym-keys.sh): makes sure the keys of this year
 * and the next exist, and destroys every key of an earlier year. Once a year's key is gone
 * its stored pseudonyms still count distinct persons, but nobody can compute a number's
 * pseudonym for that year any more: not us, not whoever holds a copy of the database.
 * Plain Java with no dependencies, so it runs from the application jar or target/classes.
 */
public final class KeyRotation {

	private KeyRotation() {
	}

	/** What one run did, by year. */
	public record Result(List<Integer> created, List<Integer> destroyed, List<Integer> kept) {
	}

	public static Result rotate(Path folder, int currentYear) {
		List<Integer> created = new ArrayList<>();
		for (int year : List.of(currentYear, currentYear + 1)) {
			if (KeyFiles.create(folder, year)) {
				created.add(year);
			}
		}
		List<Integer> destroyed = new ArrayList<>();
		for (int year : KeyFiles.years(folder)) {
			if (year < currentYear && KeyFiles.destroy(folder, year)) {
				destroyed.add(year);
			}
		}
		return new Result(created, destroyed, KeyFiles.years(folder));
	}

	/**
	 * Makes the key of a past year so that person keys in an import of that year can be
	 * pseudonymised; the next rotation destroys it again.
	 */
	public static boolean createFor(Path folder, int year) {
		return KeyFiles.create(folder, year);
	}

	/**
	 * Destroys a past year's key at once, e.g. right after importing that year's history, instead
	 * of at the next January rotation. This year's and next year's keys are refused: calls need
	 * them.
	 * @return whether there was a key to destroy
	 */
	public static boolean destroyPast(Path folder, int year, int currentYear) {
		if (year >= currentYear) {
			throw new IllegalArgumentException("Only a past year's key may be destroyed; " + year
					+ " is not before " + currentYear);
		}
		return KeyFiles.destroy(folder, year);
	}

	public static void main(String[] args) {
		Path folder = Path.of(System.getenv().getOrDefault("HELPLINE_PRIVACY_KEY_FOLDER", "./data/keys"));
		int year = Year.now().getValue();
		Integer createOnly = null;
		Integer destroyOnly = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--folder" -> folder = Path.of(value(args, ++i));
				case "--year" -> year = Integer.parseInt(value(args, ++i));
				case "--create" -> createOnly = Integer.valueOf(value(args, ++i));
				case "--destroy" -> destroyOnly = Integer.valueOf(value(args, ++i));
				default -> {
					System.err.println(
							"usage: rotate-pseudonym-keys [--folder DIR] [--year YYYY] [--create YYYY | --destroy YYYY]");
					System.exit(2);
				}
			}
		}
		if (createOnly != null) {
			boolean created = createFor(folder, createOnly);
			System.out.println((created ? "created" : "already there") + ": key of " + createOnly + " in "
					+ folder.toAbsolutePath());
			return;
		}
		if (destroyOnly != null) {
			try {
				boolean destroyed = destroyPast(folder, destroyOnly, year);
				System.out.println((destroyed ? "destroyed" : "no key to destroy") + ": key of " + destroyOnly + " in "
						+ folder.toAbsolutePath());
			}
			catch (IllegalArgumentException ex) {
				System.err.println(ex.getMessage());
				System.exit(2);
			}
			return;
		}
		Result result = rotate(folder, year);
		System.out.println("pseudonym keys in " + folder.toAbsolutePath() + " (current year " + year + ")");
		System.out.println("created:   " + result.created());
		System.out.println("destroyed: " + result.destroyed());
		System.out.println("kept:      " + result.kept());
	}

	private static String value(String[] args, int index) {
		if (index >= args.length) {
			System.err.println("missing value after " + args[index - 1]);
			System.exit(2);
		}
		return args[index];
	}

}
