package dev.maml.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The programs tests start, for every module's tests (this class ships in maml-core's test jar).
 * Every wait has a timeout, after which the program and everything it started are killed and the
 * test fails naming the program: a hung child must fail a test, not hang the build. A child JVM's
 * stderr is read without the notices the JVM itself adds when JAVA_TOOL_OPTIONS, _JAVA_OPTIONS or
 * JDK_JAVA_OPTIONS is set, as CI systems and containers often do: they are not the program's output.
 */
public final class ChildProcesses {

    /** How a program that ran to its end finished; {@code output} is what {@link #run} read from it. */
    public record Finished(int code, String output) {
    }

    /** Long enough for a cold JVM on a loaded two-core machine, short enough to end a hung build. */
    public static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static final Pattern JVM_NOTICE =
            Pattern.compile("(?:NOTE: )?Picked up (?:JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS): .*");
    private static final Pattern JVM_NOTICE_LINES = Pattern.compile("(?m)^" + JVM_NOTICE.pattern() + "(?:\\R|\\z)");

    private ChildProcesses() {
    }

    /** Whether {@code line} is a notice of the JVM's launcher rather than the program's output. */
    public static boolean isJvmNotice(String line) {
        return JVM_NOTICE.matcher(line).matches();
    }

    /** {@code lines} without the JVM's notices. */
    public static List<String> withoutJvmNotices(List<String> lines) {
        return lines.stream().filter(line -> !isJvmNotice(line)).toList();
    }

    /** {@code output} without the JVM's notice lines (line breaks of the other lines kept). */
    public static String withoutJvmNotices(String output) {
        return JVM_NOTICE_LINES.matcher(output).replaceAll("");
    }

    /** The next line of a child JVM's output that is not a JVM notice; null at its end. */
    public static @Nullable String readLine(BufferedReader output) throws IOException {
        String line = output.readLine();
        while (line != null && isJvmNotice(line)) {
            line = output.readLine();
        }
        return line;
    }

    /**
     * Waits at most {@code timeout} for {@code process} to end; when it does not, kills it and its
     * descendants and fails naming {@code what}.
     *
     * @return its exit code
     */
    public static int waitFor(Process process, Duration timeout, String what) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            killTree(process);
            throw new AssertionError(what + " did not finish within " + timeout.toSeconds()
                    + " s; it and the processes it started were killed");
        }
        return process.exitValue();
    }

    /**
     * Starts {@code builder}, closes the program's stdin and runs it to its end (at most
     * {@code timeout}); the output is its stdout (with stderr when the builder merges them), JVM
     * notices removed.
     */
    public static Finished run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        Process process = builder.start();
        process.getOutputStream().close();
        // Read while waiting: a program that fills the pipe would otherwise never end.
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        int code = waitFor(process, timeout, String.join(" ", builder.command()));
        return new Finished(code, withoutJvmNotices(new String(output.join(), StandardCharsets.UTF_8)));
    }

    /** Makes a named pipe at {@code path} with the real mkfifo. */
    public static void mkfifo(Path path) throws IOException, InterruptedException {
        Finished made = run(new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true), TIMEOUT);
        if (made.code() != 0) {
            throw new AssertionError("mkfifo " + path + " failed: " + made.output());
        }
    }

    /** The id of a process that has ended (no process has it until the system reuses it). */
    public static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        waitFor(process, TIMEOUT, "true");
        return process.pid();
    }

    /** Kills {@code process} and every process it started, at once (SIGKILL). */
    public static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
