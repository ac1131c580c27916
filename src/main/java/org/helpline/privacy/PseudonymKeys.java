package org.helpline.privacy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pseudonym key of each year, from the environment ({@code HELPLINE_PSEUDONYM_KEY_2027},
 * base64) or the key folder; never from the database, so a copy of the database alone
 * cannot be turned back into numbers. Keys are re-read every {@code reload} so a key the
 * rotation destroyed also leaves this process's memory.
 */
public final class PseudonymKeys {

	private static final Logger log = LoggerFactory.getLogger(PseudonymKeys.class);

	static final String ENVIRONMENT_PREFIX = "HELPLINE_PSEUDONYM_KEY_";

	private static final int PAST_YEARS_IN_ENVIRONMENT = 10;

	private final Path folder;

	private final boolean createMissing;

	private final UnaryOperator<String> environment;

	private final LoadingCache<Integer, byte[]> keys;

	private final Map<Integer, String> refused = new ConcurrentHashMap<>();

	/**
	 * @param createMissing whether a missing key is made on first use (development); in
	 * production keys are made by the rotation command only
	 * @param environment looks up a variable by name, null when unset
	 */
	// Caffeine's loader may return null (nothing cached, so a key added later is seen at once);
	// NullAway outside its JSpecify generics mode reads CacheLoader.load as non-null.
	@SuppressWarnings("NullAway")
	public PseudonymKeys(Path folder, boolean createMissing, UnaryOperator<String> environment, Duration reload) {
		this.folder = folder;
		this.createMissing = createMissing;
		this.environment = environment;
		// A loader that returns null caches nothing, so a key added later is seen at once.
		this.keys = Caffeine.newBuilder().expireAfterWrite(reload).build(this::load);
	}

	/** The key of {@code year}, made first if missing keys may be created here. */
	Optional<byte[]> forYear(int year) {
		return Optional.ofNullable(keys.get(year));
	}

	public boolean has(int year) {
		return forYear(year).isPresent();
	}

	/**
	 * @throws IllegalStateException naming every year whose key is missing
	 */
	public void require(Collection<Integer> years) {
		List<Integer> missing = years.stream().distinct().sorted().filter(year -> !has(year)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("No pseudonym key for " + missing + ": put it in " + folder.toAbsolutePath()
					+ " (ops/rotate-pseudonym-keys.sh) or set " + ENVIRONMENT_PREFIX + missing.getFirst()
					+ "; see README, 'Pseudonym keys'");
		}
	}

	/**
	 * Keys of years before {@code firstYearInUse} that still exist: in the folder, or (looked
	 * for up to {@value #PAST_YEARS_IN_ENVIRONMENT} years back) in the environment.
	 */
	List<Integer> pastYearsKept(int firstYearInUse) {
		Set<Integer> kept = new TreeSet<>(KeyFiles.years(folder).stream().filter(y -> y < firstYearInUse).toList());
		for (int year = firstYearInUse - PAST_YEARS_IN_ENVIRONMENT; year < firstYearInUse; year++) {
			String value = environment.apply(ENVIRONMENT_PREFIX + year);
			if (value != null && !value.isBlank()) {
				kept.add(year);
			}
		}
		return List.copyOf(kept);
	}

	public Path folder() {
		return folder;
	}

	/** Why the file of a year was not used, by year: group or others may read it. */
	public Map<Integer, String> refused() {
		return Map.copyOf(refused);
	}

	private byte @Nullable [] load(int year) {
		String variable = ENVIRONMENT_PREFIX + year;
		String fromEnvironment = environment.apply(variable);
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return KeyFiles.decode(fromEnvironment, variable);
		}
		try {
			Optional<byte[]> fromFile = KeyFiles.read(folder, year);
			if (fromFile.isEmpty() && createMissing) {
				KeyFiles.create(folder, year);
				fromFile = KeyFiles.read(folder, year);
			}
			refused.remove(year);
			return fromFile.orElse(null);
		}
		catch (KeyFiles.ExposedKeyException ex) {
			// Like a missing key: calls are still recorded, without a person; health says why.
			String why = String.valueOf(ex.getMessage());
			if (!why.equals(refused.put(year, why))) {
				log.error("Pseudonym key refused: {}", why);
			}
			return null;
		}
	}

}
