package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bin/maml chooses the JIT per command (issue 15): C1 only for the short commands, C2 for seal and
 * unseal of a payload of 8 MiB or more. A stand-in {@code java} on the PATH prints the options it gets.
 */
class LauncherJitTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"seal --in big.bin --out b, false", "unseal big.bin --out b, false", "--debug seal --in=big.bin, false",
            "seal --in small.bin --out b, true", "unseal small.bin --out b, true", "lint big.bin, true",
            "heads check big.bin, true", "--version, true"})
    void onlyThePayloadCommandsGetC2(String args, boolean c1Only) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(Path.of("..", "bin", "maml"), bin.resolve("maml"));
        Files.createDirectories(dir.resolve("maml-cli/target"));
        Files.createFile(dir.resolve("maml-cli/target/maml.jar")); // present: no build
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
        List<String> javaArgs = out.lines().toList();
        assertEquals(c1Only, javaArgs.contains("-XX:TieredStopAtLevel=1"), out);
        assertEquals(List.of(args.split(" ")), javaArgs.subList(javaArgs.indexOf("-jar") + 2, javaArgs.size()), out);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
