package dev.maml.cli;

import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `maml serve ARGS…` in its own JVM, as an operator starts it: ready once it printed its
 * "listening on" line, stopped with SIGTERM. Its stderr lines are kept; every wait has a timeout, and
 * {@link #close()} kills it and its descendants whatever happened.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("maml serve: listening on (http://\\S+)");

    private final Process process;
    private final Path stderr;

    private ServeProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    /** Starts the server (its stderr going to a temporary file) and waits up to 60 s until it listens or exits. */
    static ServeProcess start(String... args) throws IOException, InterruptedException {
        return start(Map.of(), args);
    }

    /** {@link #start(String...)} with {@code env} added to this JVM's environment (e.g. a throwaway XDG_CONFIG_HOME). */
    static ServeProcess start(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        Path log = Files.createTempFile("maml-serve-", ".log");
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.maml(List.of(), all.toArray(String[]::new)));
        builder.environment().putAll(env);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile());
        ServeProcess serve = new ServeProcess(builder.start(), log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (serve.uri() == null && serve.process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return serve;
    }

    /** {@code http://HOST:PORT} from the "listening on" line; null while it has not come. */
    String uri() {
        for (String line : stderr()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Its stderr lines so far (without the JVM's own notices). */
    List<String> stderr() {
        try {
            return ChildProcesses.withoutJvmNotices(Files.readAllLines(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of("(stderr unreadable: " + e.getMessage() + ")");
        }
    }

    /** Sends SIGTERM and returns the exit code; fails when it did not exit within 60 s. */
    int terminate() throws InterruptedException {
        process.destroy();
        return ChildProcesses.waitFor(process, Duration.ofSeconds(60), "maml serve after SIGTERM");
    }

    /** Kills the server at once (SIGKILL), as a crash or an OOM kill would: nothing of it runs after this returns. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        ChildProcesses.waitFor(process, Duration.ofSeconds(60), "maml serve after SIGKILL");
    }

    @Override
    public void close() throws IOException {
        ChildProcesses.killTree(process);
        Files.deleteIfExists(stderr);
    }
}
