package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How bin/maml trains its default class archive (issue 15), with a stand-in {@code java} on the PATH
 * that writes made-up class lists: a lint and a run-batch of copies of the demo, both in a scratch
 * directory; their lists reach the dump merged without repeats (a repeated lambda line crashes
 * Java 17's dump) and without the jar's META-INF/versions classes (an archived one crashes a JVM with
 * a class-file hook). The real JVM's side is ReleaseArchiveTest's (maml-dist).
 */
class LauncherArchiveTest {

    private static final String STAND_IN = """
            #!/bin/bash
            log="$MAML_TEST_LOG"
            for a in "$@"; do
              case "$a" in
                -XX:DumpLoadedClassList=*) list="${a#*=}" ;;
                -XX:SharedClassListFile=*) dumped="${a#*=}" ;;
                -XX:SharedArchiveFile=*) archive="${a#*=}" ;;
                -Xshare:dump) dump=yes ;;
                jdk.jartool/*) listing=yes ;;
                lint|run-batch) [ -z "${command:-}" ] && command="$a" ;;
              esac
            done
            if [ -n "${listing:-}" ]; then
              printf '%s\\n' META-INF/MANIFEST.MF dev/A.class dev/V.class META-INF/versions/9/dev/V.class
            elif [ -n "${dump:-}" ]; then
              cp "$dumped" "$log.dumped" && printf archive >"$archive"
            elif [ -n "${list:-}" ]; then
              echo "$command $(pwd) $*" >>"$log"
              if [ "$command" = lint ]; then
                printf '%s\\n' '# a comment' dev/A dev/B '@lambda-proxy dev/A run ()V' >"$list"
              else
                printf '%s\\n' '# a comment' dev/B dev/V dev/C '@lambda-proxy dev/A run ()V' '@lambda-proxy dev/V run ()V' >"$list"
              fi
            else
              echo "user $(pwd) $*" >>"$log"
              echo "the user's output"
              exit 3
            fi
            """;

    @TempDir
    Path dir;

    @Test
    void theTrainingRunsALintAndARunBatchOnCopiesAndDumpsTheirMergedLists() throws Exception {
        Path root = tree();
        Path user = Files.createDirectories(dir.resolve("user"));
        Path log = dir.resolve("java.log");

        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("bin/maml").toString(), "run", "doc.maml.md")
                .directory(user.toFile());
        pb.environment().put("PATH", root.resolve("fake") + ":" + System.getenv("PATH"));
        pb.environment().put("MAML_TEST_LOG", log.toString());
        pb.environment().remove("MAML_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));

        assertEquals(3, p.exitValue(), "the user's command's exit code");
        assertEquals("the user's output\n", out);
        assertEquals("", err);
        assertEquals(List.of("# a comment", "dev/A", "dev/B", "@lambda-proxy dev/A run ()V", "dev/C"),
                Files.readAllLines(Path.of(log + ".dumped")), "merged, no repeats, no versioned class");
        assertTrue(Files.size(root.resolve("maml-cli/target/maml.jsa")) > 0);

        List<String> calls = Files.readAllLines(log);
        assertEquals(3, calls.size(), String.join("\n", calls));
        String lint = calls.get(0);
        String runBatch = calls.get(1);
        assertTrue(lint.startsWith("lint ") && runBatch.startsWith("run-batch "), String.join("\n", calls));
        Path scratch = Path.of(runBatch.split(" ")[1]);
        assertFalse(scratch.startsWith(user) || scratch.startsWith(root), "trained in a scratch directory: " + scratch);
        assertTrue(runBatch.contains(" run-batch " + scratch.resolve("run") + " "), runBatch);
        assertTrue(runBatch.endsWith("--trust " + scratch.resolve("run/keys/demo-only-drone-security.pub")), runBatch);
        assertFalse(Files.exists(scratch), "the scratch directory is gone");
        assertTrue(calls.get(2).startsWith("user " + user.toRealPath() + " "), calls.get(2));
        assertTrue(calls.get(2).contains("-XX:SharedArchiveFile=" + root.toRealPath().resolve("maml-cli/target/maml.jsa")),
                calls.get(2));
        assertTrue(calls.get(2).endsWith("-jar " + root.toRealPath().resolve("maml-cli/target/maml.jar") + " run doc.maml.md"),
                calls.get(2));
        try (Stream<Path> files = Files.list(user)) {
            assertEquals(List.of(), files.toList(), "nothing written to the user's directory");
        }
    }

    /** A source tree with bin/maml, an (empty) jar, the examples the training copies and the stand-in java. */
    private Path tree() throws IOException {
        Path root = dir.resolve("maml");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.copy(Path.of("..", "bin", "maml"), bin.resolve("maml"), StandardCopyOption.REPLACE_EXISTING);
        Files.write(Files.createDirectories(root.resolve("maml-cli/target")).resolve("maml.jar"), new byte[0]);
        Path demo = Files.createDirectories(root.resolve("examples/demo/keys"));
        Files.writeString(root.resolve("examples/drone_communication.maml.md"), "# example\n");
        Files.writeString(root.resolve("examples/demo/drone_communication.maml.md"), "# demo\n");
        Files.writeString(root.resolve("examples/demo/drone_communication_data.csv"), "a,b\n");
        Files.writeString(demo.resolve("demo-only-drone-security.pub"), "key\n");
        Path fake = Files.createDirectories(root.resolve("fake"));
        Files.writeString(fake.resolve("java"), STAND_IN);
        Files.setPosixFilePermissions(fake.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }
}
