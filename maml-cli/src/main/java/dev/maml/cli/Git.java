package dev.maml.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the real `git` (the user's, with the user's configuration and the hook's environment). */
final class Git {

    private Git() {
    }

    /** The command's standard output; a failure throws with git's own first line of complaint. */
    static byte[] run(Path dir, String... args) throws IOException {
        return run(dir, new byte[0], args);
    }

    /** {@link #run(Path, String...)} with {@code input} on the command's standard input. */
    static byte[] run(Path dir, byte[] input, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<Void> stdin = CompletableFuture.runAsync(() -> writeAll(process.getOutputStream(), input));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        byte[] stdout = process.getInputStream().readAllBytes();
        stdin.join();
        try {
            int code = process.waitFor();
            if (code != 0) {
                String message = new String(stderr.join(), StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
                throw new IOException("git " + args[0] + " failed" + (message.isEmpty() ? " (exit " + code + ")" : ": " + message));
            }
            return stdout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
    }

    static String text(Path dir, String... args) throws IOException {
        return new String(run(dir, args), StandardCharsets.UTF_8).strip();
    }

    private static void writeAll(OutputStream out, byte[] bytes) {
        try (out) {
            out.write(bytes);
        } catch (IOException e) {
            // git stopped reading (it failed): its exit code and message tell why.
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
