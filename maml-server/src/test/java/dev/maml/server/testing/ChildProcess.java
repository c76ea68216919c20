package dev.maml.server.testing;

import dev.maml.testing.ChildProcesses;
import dev.maml.testing.ChildProcesses.Finished;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A program the tests start (a test peer such as an npm package's server): every wait has a
 * timeout, and closing it stops the program and everything it started. Programs run to their end
 * go through {@link ChildProcesses}, as in every module's tests.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final String name;
    private final Path log;
    private final BufferedReader stdout;

    private ChildProcess(Process process, String name, Path log) {
        this.process = process;
        this.name = name;
        this.log = log;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code command} in {@code dir} to its end, stdout and stderr together.
     *
     * @return null when the program is not installed
     */
    public static @Nullable Finished run(Path dir, Duration timeout, String... command) throws InterruptedException {
        return runToEnd(dir, null, timeout, command);
    }

    /**
     * Runs {@code command} in {@code dir} to its end with {@code input} as its stdin, stdout and
     * stderr together.
     *
     * @return null when the program is not installed
     */
    public static @Nullable Finished runWithInput(Path dir, Path input, Duration timeout, String... command)
            throws InterruptedException {
        return runToEnd(dir, input, timeout, command);
    }

    private static @Nullable Finished runToEnd(Path dir, @Nullable Path input, Duration timeout, String... command)
            throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        try {
            return ChildProcesses.run(builder, timeout);
        } catch (IOException e) {
            return null; // it could not start: not installed
        }
    }

    /**
     * Starts {@code command} in {@code dir}; its stdin stays open (a peer can exit when it closes),
     * stdout is read through {@link #readLine}, stderr goes to {@code log}.
     */
    public static ChildProcess start(Path dir, Path log, List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(log.toFile()).start();
        return new ChildProcess(p, String.join(" ", command), log);
    }

    /** The next line the program prints, waiting at most {@code timeout}. */
    public String readLine(Duration timeout) throws IOException, InterruptedException {
        CompletableFuture<@Nullable String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new IOException(name + " ended without printing a line; its stderr:\n" + stderr());
            }
            return text;
        } catch (TimeoutException e) {
            throw new IOException(name + " printed nothing within " + timeout.toSeconds() + " s; its stderr:\n" + stderr());
        } catch (ExecutionException e) {
            throw new IOException(name + ": " + e.getCause(), e.getCause());
        }
    }

    /** Whether the program is still running (a server that could not listen exits early). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the program wrote to stderr so far (for failure messages). */
    public String stderr() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Closes its stdin, then stops it and its descendants, forcibly when they linger. */
    @Override
    public void close() throws IOException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.getOutputStream().close();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        stdout.close();
    }
}
