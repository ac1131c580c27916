package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A clean Debian sid root folder for one test run, the way the Asterisk sandbox is built
 * (ops/asterisk.sh): debootstrap once into a cache under ~/.cache/helpline/, then per run an
 * overlay on it under target/ (writes land in target/, the cache stays clean), entered with
 * chroot, /proc, /dev and a /dev/shm of its own mounted. {@link #close()} stops every process
 * still running inside (by pid; they can only be this run's) and unmounts, pass or fail.
 */
final class DebianRoot implements AutoCloseable {

	/** What install.sh needs, so that it never reaches for the network (HELPLINE_NO_APT). */
	static final String PACKAGES = "systemd,postgresql,asterisk,openssl,openjdk-25-jre-headless,ca-certificates";

	private static final String MIRROR = System.getenv().getOrDefault("HELPLINE_DEBIAN_MIRROR",
			"http://deb.debian.org/debian");

	private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache/helpline/install-root");

	// Written last: a cache without it (a build that died) is built again.
	private static final String MARKER = ".helpline-install-root";

	private final Path work;

	final Path root;

	private final List<Path> mounts = new ArrayList<>();

	DebianRoot(Path work) {
		this.work = work.toAbsolutePath();
		this.root = this.work.resolve("root");
	}

	/** Builds the cache when needed, then mounts a fresh root. */
	DebianRoot open() {
		prepareCache();
		clearWork();
		try {
			for (String folder : List.of("upper", "overlay-work", "root")) {
				Files.createDirectories(work.resolve(folder));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		mount(root, "-t", "overlay", "overlay", "-o", "lowerdir=" + CACHE + ",upperdir=" + work.resolve("upper")
				+ ",workdir=" + work.resolve("overlay-work"), root.toString());
		mount(root.resolve("proc"), "-t", "proc", "proc", root.resolve("proc").toString());
		mount(root.resolve("dev"), "--bind", "/dev", root.resolve("dev").toString());
		// private: the /dev/shm below must not show up on the host's /dev
		Host.run(Duration.ofSeconds(10), "mount", "--make-private", root.resolve("dev").toString());
		mount(root.resolve("dev/shm"), "-t", "tmpfs", "-o", "size=256m,mode=1777", "tmpfs",
				root.resolve("dev/shm").toString());
		return this;
	}

	/** What install.sh needs of a built checkout, to /root/helpline-src in the root. */
	void copyCheckout() {
		Path source = root.resolve("root/helpline-src");
		try (Stream<Path> jars = Files.list(Path.of("target"))) {
			Files.createDirectories(source.resolve("target"));
			List<Path> built = jars.filter(p -> p.getFileName().toString().matches("helpline-.*\\.jar")).toList();
			if (built.size() != 1) {
				throw new IllegalStateException("need exactly one target/helpline-*.jar (mvn package), found " + built);
			}
			Host.run(Duration.ofMinutes(1), "cp", built.get(0).toString(), source.resolve("target").toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Host.run(Duration.ofMinutes(1), "cp", "-r", "ops", "asterisk-config", source.toString());
		Host.run(Duration.ofMinutes(1), "cp", "-r", "target/sounds", source.resolve("target").toString());
	}

	/** Runs a command inside the root as root; returns its output (stdout and stderr), throws unless it exits 0. */
	String run(Duration timeout, String... command) {
		List<String> all = new ArrayList<>(List.of("chroot", root.toString()));
		all.addAll(List.of(command));
		return Host.run(timeout, all.toArray(String[]::new));
	}

	/** Like {@link #run} but returns exit code and output without throwing. */
	Host.Result exec(Duration timeout, String... command) {
		List<String> all = new ArrayList<>(List.of("chroot", root.toString()));
		all.addAll(List.of(command));
		return Host.exec(timeout, all.toArray(String[]::new));
	}

	/** The pids of processes whose root is this folder. */
	List<Long> processesInside() {
		List<Long> inside = new ArrayList<>();
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
				try {
					if (Files.isSameFile(process.resolve("root"), root)) {
						inside.add(Long.parseLong(process.getFileName().toString()));
					}
				}
				catch (IOException ex) {
					// gone meanwhile, or a kernel thread
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return inside;
	}

	@Override
	public void close() {
		// Only ever this run's processes: the root was made by open() and nothing else enters it.
		for (long pid : processesInside()) {
			ProcessHandle.of(pid).ifPresent(p -> {
				System.out.println("install test: killing pid " + pid + " left inside " + root);
				p.destroyForcibly();
				p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(ex -> null).join();
			});
		}
		for (int i = mounts.size() - 1; i >= 0; i--) {
			unmount(mounts.get(i));
		}
		mounts.clear();
	}

	private void mount(Path target, String... arguments) {
		List<String> command = new ArrayList<>(List.of("mount"));
		command.addAll(List.of(arguments));
		Host.run(Duration.ofSeconds(30), command.toArray(String[]::new));
		mounts.add(target);
	}

	private static void unmount(Path target) {
		if (Host.exec(Duration.ofSeconds(30), "umount", target.toString()).code() != 0) {
			Host.exec(Duration.ofSeconds(30), "umount", "-l", target.toString());
		}
	}

	/** An earlier run that died: its mounts go, its files go; processes it left make this fail. */
	private void clearWork() {
		List<Path> left = mountsBelow(work);
		if (!left.isEmpty() && Files.isDirectory(root)) {
			List<Long> running = processesInside();
			if (!running.isEmpty()) {
				throw new IllegalStateException("processes " + running + " still run inside " + root
						+ " (an earlier run); stop them by pid first");
			}
		}
		left.stream().sorted(Comparator.reverseOrder()).forEach(DebianRoot::unmount);
		Host.run(Duration.ofMinutes(2), "rm", "-rf", "--one-file-system", work.toString());
	}

	private static List<Path> mountsBelow(Path folder) {
		try {
			return Files.readAllLines(Path.of("/proc/self/mounts"))
				.stream()
				.map(line -> Path.of(line.split(" ")[1].replace("\\040", " ")))
				.filter(mount -> mount.startsWith(folder))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** debootstrap once (one build at a time, across test JVMs); prints how long it took. */
	private static void prepareCache() {
		try {
			Files.createDirectories(CACHE.getParent());
			try (FileChannel lockFile = FileChannel.open(CACHE.resolveSibling("install-root.lock"),
					StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
				Path marker = CACHE.resolve(MARKER);
				if (Files.exists(marker) && Files.readString(marker).strip().equals(PACKAGES)) {
					return;
				}
				Path partial = CACHE.resolveSibling("install-root.partial");
				for (Path stale : List.of(partial, CACHE)) {
					if (Files.exists(stale)) {
						mountsBelow(stale).stream().sorted(Comparator.reverseOrder()).forEach(DebianRoot::unmount);
						Host.run(Duration.ofMinutes(2), "rm", "-rf", "--one-file-system", stale.toString());
					}
				}
				long started = System.nanoTime();
				Host.run(Duration.ofMinutes(20), "debootstrap", "--variant=minbase", "--include=" + PACKAGES, "sid",
						partial.toString(), MIRROR);
				Host.exec(Duration.ofMinutes(1), "chroot", partial.toString(), "apt-get", "clean");
				Files.writeString(partial.resolve(MARKER), PACKAGES + "\n", StandardCharsets.UTF_8);
				Files.move(partial, CACHE);
				System.out.println("measured: debootstrap of the install test's root took "
						+ Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
