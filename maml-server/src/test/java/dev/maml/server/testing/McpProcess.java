package dev.maml.server.testing;

import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stdio MCP server as a child process ({@code java -cp … dev.maml.cli.Main mcp …}), its stdin and
 * stdout driven through {@link McpWire}, its stderr kept apart (a log file). Closing kills it and
 * whatever it started.
 */
public final class McpProcess extends McpWire {

    private final Process process;

    private McpProcess(Process process) {
        super(process.getOutputStream(), process.getInputStream());
        this.process = process;
    }

    /** Starts {@code java -cp <this JVM's classpath> mainClass args…}, stderr to {@code log}. */
    public static McpProcess java(Path log, String mainClass, String... args) throws IOException {
        return new McpProcess(new ProcessBuilder(javaCommand(mainClass, args)).redirectError(log.toFile()).start());
    }

    /** {@code java -cp <this JVM's classpath> mainClass args…}: how a client starts the server under test. */
    public static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** The exit code, waiting at most {@code seconds}; null when it is still running then. */
    public Integer exitCode(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    @Override
    public void close() throws Exception {
        super.close();
        ChildProcesses.killTree(process);
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
