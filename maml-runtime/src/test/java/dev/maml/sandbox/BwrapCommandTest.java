package dev.maml.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BwrapCommandTest {

    private static final SandboxTools AS_ROOT = new SandboxTools(Path.of("/usr/bin/bwrap"), "/usr/bin/prlimit",
            Optional.of(Path.of("/usr/bin/setpriv")));

    @Test
    void systemDirectoriesFollowTheHostLayout(@TempDir Path host) throws IOException {
        Files.createDirectories(host.resolve("usr/bin"));
        Files.createSymbolicLink(host.resolve("bin"), Path.of("usr/bin"));
        Files.createDirectories(host.resolve("lib"));
        List<String> cmd = BwrapCommand.build(AS_ROOT, host, Limits.DEFAULT, Language.BASH, Path.of("/x/block"));
        assertEquals(List.of("--symlink", "usr/bin", "/bin"), cmd.subList(cmd.indexOf("usr/bin") - 1, cmd.indexOf("usr/bin") + 2));
        int lib = cmd.indexOf(host.resolve("lib").toString());
        assertEquals(List.of("--ro-bind", host.resolve("lib").toString(), "/lib"), cmd.subList(lib - 1, lib + 2));
        assertFalse(cmd.contains("/lib64"), "absent on this host, so absent in the sandbox");
    }

    @Test
    void rootDropsToNobodyBeforeBwrapAndLimitsApplyToTheBlockOnly(@TempDir Path host) throws IOException {
        Limits limits = Limits.DEFAULT.withCpuSeconds(3).withMemoryBytes(1 << 28);
        List<String> cmd = BwrapCommand.build(AS_ROOT, host, limits, Language.PYTHON, Path.of("/x/block"));
        assertEquals(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
                "/usr/bin/bwrap"), cmd.subList(0, 6));
        int prlimit = cmd.indexOf("/usr/bin/prlimit");
        assertEquals("--", cmd.get(prlimit - 1), "prlimit is bwrap's command, so bwrap itself is not limited");
        assertEquals(List.of("--cpu=3:4", "--as=268435456", "--nproc=64", "--fsize=16777216", "--core=0", "--",
                "/usr/bin/python3", "-I", "/sandbox/block"), cmd.subList(prlimit + 1, cmd.size()));
        assertTrue(cmd.indexOf("--remount-ro") > cmd.indexOf("--tmpfs"), "read-only only after every mount");

        SandboxTools unprivileged = new SandboxTools(Path.of("/usr/bin/bwrap"), "/usr/bin/prlimit", Optional.empty());
        assertEquals("/usr/bin/bwrap", BwrapCommand.build(unprivileged, host, limits, Language.SH, Path.of("/b")).get(0));
    }

    @Test
    void everyOptionIsExplainedInTheDocs() throws IOException {
        // the table rows of the docs, where each argument gets its "why"
        String table = Files.readString(TestData.repositoryRoot().resolve("docs/sandbox.md")).lines()
                .filter(line -> line.startsWith("| `"))
                .collect(Collectors.joining("\n"));
        List<String> cmd = BwrapCommand.build(AS_ROOT, Path.of("/"), Limits.DEFAULT, Language.PYTHON, Path.of("/b"));
        List<String> undocumented = cmd.stream()
                .filter(arg -> arg.startsWith("-") && !arg.equals("--"))
                .map(arg -> arg.contains("=") ? arg.substring(0, arg.indexOf('=') + 1) : arg)
                .filter(option -> !Pattern.compile("[\\s`]" + Pattern.quote(option)).matcher(table).find())
                .distinct()
                .toList();
        assertEquals(Collections.emptyList(), undocumented, "options of BwrapCommand missing from docs/sandbox.md");
    }
}
