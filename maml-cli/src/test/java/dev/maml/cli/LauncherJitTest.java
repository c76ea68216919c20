package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bin/maml chooses the JIT per command (issue 15): C1 only for the short commands, C2 for seal and
 * unseal of a payload of 8 MiB or more and for the long-running servers. A stand-in {@code java} on the PATH prints the options it gets.
 */
class LauncherJitTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"seal --in big.bin --out b, false", "unseal big.bin --out b, false", "--debug seal --in=big.bin, false",
            "seal --in small.bin --out b, true", "unseal small.bin --out b, true", "lint big.bin, true",
            "heads check big.bin, true", "--version, true"})
    void shortCommandsGetC1OnlyAndLargePayloadsC2(String args, boolean c1Only) throws Exception {
        List<String> javaArgs = launch(args);
        String out = String.join("\n", javaArgs);
        assertEquals(c1Only, javaArgs.contains("-XX:TieredStopAtLevel=1"), out);
        // with C2, the JDK's callers of the GCM intrinsics compile early and little else reaches C2;
        // under C1 the options would be noise
        assertEquals(!c1Only, javaArgs.contains(
                "-XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.GHASH::update,0.0001"), out);
        assertEquals(!c1Only, javaArgs.contains("-XX:Tier4InvocationThreshold=500000"), out);
        assertEquals(List.of(args.split(" ")), javaArgs.subList(javaArgs.indexOf("-jar") + 2, javaArgs.size()), out);
    }

    /**
     * The raised C2 thresholds and the per-method scaling go together: the GCM callers must still reach
     * C2 after a hundredth of HotSpot's default 5000 calls, not never (nor at the default).
     */
    @Test
    void theGcmCallersStillReachC2EarlyUnderTheRaisedThresholds() throws Exception {
        List<String> javaArgs = launch("seal --in big.bin --out b");
        long threshold = Long.parseLong(value(javaArgs, "-XX:Tier4InvocationThreshold="));
        for (String method : List.of("GHASH::update", "CounterMode::crypt", "CounterMode::encrypt")) {
            double scale = Double.parseDouble(value(javaArgs,
                    "-XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider." + method + ","));
            assertEquals(50.0, threshold * scale, 1e-6, method);
        }
        // HotSpot echoes a CompileCommand to standard output unless "quiet" came before it
        int quiet = javaArgs.indexOf("-XX:CompileCommand=quiet");
        assertTrue(quiet >= 0 && quiet < javaArgs.indexOf(javaArgs.stream()
                .filter(a -> a.startsWith("-XX:CompileCommand=CompileThresholdScaling")).findFirst().orElseThrow()),
                String.join("\n", javaArgs));
    }

    private static String value(List<String> javaArgs, String prefix) {
        return javaArgs.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in " + javaArgs));
    }

    /**
     * The long-running servers get C2 at HotSpot's own thresholds (with C1 only, `maml serve` answered
     * /lint at well under half the rate), serve with G1 for its request threads, as the benchmarks run them.
     */
    @ParameterizedTest
    @CsvSource({"serve --root w, -XX:+UseG1GC", "mcp --workflows w, -XX:+UseSerialGC", "--debug serve, -XX:+UseG1GC"})
    void theServersGetC2(String args, String collector) throws Exception {
        List<String> javaArgs = launch(args);
        String out = String.join("\n", javaArgs);
        assertFalse(javaArgs.contains("-XX:TieredStopAtLevel=1"), out);
        assertFalse(javaArgs.stream().anyMatch(a -> a.startsWith("-XX:Tier4") || a.startsWith("-XX:CompileCommand")), out);
        assertEquals(List.of(collector), javaArgs.stream().filter(a -> a.startsWith("-XX:+Use") && a.endsWith("GC")).toList(), out);
        assertEquals(List.of(args.split(" ")), javaArgs.subList(javaArgs.indexOf("-jar") + 2, javaArgs.size()), out);
    }

    /** The language server gets its own memory and compiler settings (docs/performance.md); other commands do not. */
    @Test
    void theLanguageServerGetsItsOwnFlags() throws Exception {
        List<String> lsp = launch("lsp");
        assertTrue(lsp.containsAll(List.of("-Xmn32m", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.1")),
                String.join(" ", lsp));
        assertFalse(launch("lint x.md").contains("-Xmn32m"));
    }

    /** seal and unseal start from a class archive trained by a seal, the other commands from the lint-trained one. */
    @ParameterizedTest
    @CsvSource({"seal --in small.bin --out b, maml-seal.jsa", "unseal big.bin --out b, maml-seal.jsa",
            "lint x.md, maml.jsa", "heads check big.bin, maml.jsa"})
    void sealAndUnsealHaveTheirOwnClassArchive(String args, String archive) throws Exception {
        FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 60_000); // newer than the jar: no training
        for (String name : List.of("maml.jsa", "maml-seal.jsa")) {
            Files.setLastModifiedTime(Files.write(
                    Files.createDirectories(dir.resolve("maml-cli/target")).resolve(name), new byte[1]), later);
        }
        List<String> javaArgs = launch(args);
        assertTrue(javaArgs.contains("-XX:SharedArchiveFile=" + dir.resolve("maml-cli/target").toRealPath().resolve(archive)),
                String.join("\n", javaArgs));
    }

    /** The options bin/maml passes to java for {@code args} (a stand-in java prints them). */
    private List<String> launch(String args) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(Path.of("..", "bin", "maml"), bin.resolve("maml"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dir.resolve("maml-cli/target"));
        Files.write(dir.resolve("maml-cli/target/maml.jar"), new byte[0]); // present: no build
        Path fake = Files.createDirectories(dir.resolve("fake"));
        executable(fake.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("big.bin").toFile(), "rw")) {
            big.setLength(8 << 20); // sparse: the size is what counts
        }
        Files.write(dir.resolve("small.bin"), new byte[(8 << 20) - 1]);

        ProcessBuilder pb = new ProcessBuilder("bash", bin.resolve("maml").toString()).directory(dir.toFile());
        pb.command().addAll(List.of(args.split(" ")));
        pb.environment().put("PATH", fake + ":" + System.getenv("PATH"));
        pb.environment().remove("MAML_JAVA_OPTS");
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out.lines().toList();
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
