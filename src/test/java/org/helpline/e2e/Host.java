package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a short command on this machine and waits for it: killed (with its children) when it takes too long. */
final class Host {

	record Result(int code, String output) {
	}

	private Host() {
	}

	/** The command's output (stdout and stderr); throws unless it exits 0. */
	static String run(Duration timeout, String... command) {
		Result result = exec(timeout, command);
		if (result.code() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " exited with " + result.code() + ":\n" + result.output());
		}
		return result.output();
	}

	static Result exec(Duration timeout, String... command) {
		Process process;
		try {
			process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + List.of(command), ex);
		}
		// read while it runs: a full pipe would stop it
		CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
			try {
				return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "";
			}
		}, Thread::startVirtualThread);
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
				throw new IllegalStateException(List.of(command) + " did not finish in " + timeout);
			}
			return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
		}
		catch (InterruptedException ex) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted: " + List.of(command), ex);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			return new Result(process.exitValue(), "");
		}
	}

}
