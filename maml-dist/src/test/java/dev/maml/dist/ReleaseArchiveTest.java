package dev.maml.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.ChildProcesses;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it (docs/install.md): what it holds, with which modes, and that
 * its launchers run unpacked with nothing but a JRE on the PATH (no Maven, no source tree). Runs after
 * package (the pom binds this module's tests to integration-test), on the archives this build made.
 */
class ReleaseArchiveTest {

    private static final Path DIR = Path.of(System.getProperty("maml.dist.dir"));
    private static final String NAME = System.getProperty("maml.dist.name");
    private static final String VERSION = NAME.substring("maml-".length());
    private static final Path ROOT = TestData.repositoryRoot();
    /** What runs and lints leave in a tree (receipts, sealed data, keyrings, caches) and private keys. */
    private static final Pattern NEVER_SHIPPED =
            Pattern.compile(".*(\\.mu|\\.mqa|\\.keyring|\\.key|/\\.maml-lint-cache/.*|/target/.*|/\\.git/.*)");
    /** The programs the launchers use besides java (bash and coreutils). */
    private static final List<String> SHELL_TOOLS = List.of("bash", "dirname", "readlink", "wc", "mv", "rm", "head",
            "mktemp", "mkdir", "cp");

    @TempDir
    Path tmp;

    private static List<Path> archives() {
        List<Path> archives = Arrays.stream(System.getProperty("maml.dist.formats").split(","))
                .map(format -> DIR.resolve(NAME + "." + format.strip())).toList();
        archives.forEach(archive -> assertTrue(Files.isRegularFile(archive), archive + " was built"));
        return archives;
    }

    private static Map<String, Integer> files(Path archive) throws Exception {
        Map<String, Integer> files = new TreeMap<>(ArchiveEntries.of(archive));
        files.keySet().removeIf(name -> name.endsWith("/"));
        return files;
    }

    @Test
    void theArchiveHoldsLaunchersJarLicensesDocsAndExamplesWithSensibleModes() throws Exception {
        for (Path archive : archives()) {
            Map<String, Integer> entries = ArchiveEntries.of(archive);
            entries.forEach((name, mode) -> {
                assertTrue(name.startsWith(NAME + "/"), archive + ": " + name + " is under " + NAME + "/");
                assertEquals(0, mode & 022, archive + ": " + name + " is writable by group or others");
                assertFalse(NEVER_SHIPPED.matcher(name).matches(), archive + ": " + name + " must not ship");
                boolean launcher = name.equals(NAME + "/bin/maml") || name.equals(NAME + "/bin/maml-run");
                int expected = name.endsWith("/") || launcher ? 0755 : 0644;
                assertEquals(Integer.toOctalString(expected), Integer.toOctalString(mode), archive + ": mode of " + name);
            });
            for (String required : List.of("bin/maml", "bin/maml-run", "lib/maml.jar", "LICENSE", "NOTICE", "README.md",
                    "docs/spec/maml-spec.md", "examples/drone_communication.maml.md",
                    "examples/demo/drone_communication.maml.md", "examples/demo/keys/demo-only-drone-security.pub")) {
                assertTrue(entries.containsKey(NAME + "/" + required), archive + " holds " + required);
            }
            assertEquals(inTree("docs"), inArchive(entries, "docs"), archive + ": every page of docs/");
            Set<String> examples = inTree("examples");
            examples.removeIf(name -> NEVER_SHIPPED.matcher(name).matches());
            assertEquals(examples, inArchive(entries, "examples"), archive + ": the examples, without run outputs");
        }
        List<Path> archives = archives();
        for (Path other : archives.subList(1, archives.size())) {
            assertEquals(files(archives.get(0)), files(other), other + " holds what " + archives.get(0) + " holds");
        }
    }

    private static Set<String> inArchive(Map<String, Integer> entries, String dir) {
        Set<String> names = new TreeSet<>();
        entries.keySet().stream().filter(name -> name.startsWith(NAME + "/" + dir + "/") && !name.endsWith("/"))
                .forEach(name -> names.add(name.substring(NAME.length() + 1)));
        return names;
    }

    private static Set<String> inTree(String dir) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
            Set<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile).forEach(file -> names.add(ROOT.relativize(file).toString()));
            return names;
        }
    }

    @Test
    void noticeNamesEveryBundledDependencyAtItsVersion() throws Exception {
        String notice = Files.readString(ROOT.resolve("maml-dist/src/dist/NOTICE"));
        List<String> dependencies = Files.readAllLines(DIR.resolve("runtime-dependencies.txt")).stream()
                .map(String::strip).filter(line -> line.matches("[\\w.-]+:[\\w.-]+:jar:.*")).toList();
        assertTrue(dependencies.size() > 20, "the runtime dependencies: " + dependencies);
        for (String dependency : dependencies) {
            String[] gav = dependency.split(":");
            String named = gav[0] + ":" + gav[1] + " " + gav[3] + " ";
            assertTrue(notice.contains(named), "NOTICE names " + named.strip() + " and its license");
        }
    }

    @Test
    void theUnpackedLaunchersRunWithOnlyAJreOnThePath() throws Exception {
        Path home = unpacked();
        Path demo = home.resolve("examples/demo");

        ChildProcesses.Finished version = launch(home, "bin/maml", "--version");
        assertEquals(0, version.code(), version.output());
        assertEquals("maml " + VERSION, version.output().strip());

        ChildProcesses.Finished seed = launch(home, "bin/maml", "lint", "examples/drone_communication.maml.md");
        assertEquals(1, seed.code(), seed.output());
        assertTrue(seed.output().contains("examples/drone_communication.maml.md:3:5: error MAML012/id-urn-uuid"), seed.output());
        ChildProcesses.Finished signed = launch(home, "bin/maml", "lint", "examples/demo/drone_communication.maml.md");
        assertEquals(0, signed.code(), signed.output());

        ChildProcesses.Finished run = launch(home, "bin/maml-run", "examples/demo", "--trust",
                "examples/demo/keys/demo-only-drone-security.pub");
        assertEquals(0, run.code(), run.output());
        assertTrue(run.output().contains("\"ok\":1"), run.output());
        assertTrue(Files.isRegularFile(demo.resolve("drone_communication.mu")), "the receipt, next to the document");

        // seal trains its own class archive with the listed tools only (a missing one would leave none)
        Path data = demo.resolve("drone_communication_data.csv");
        assertEquals(0, launch(home, "bin/maml", "heads", "init", "--keyring", "k.json").code());
        ChildProcesses.Finished sealed = launch(home, "bin/maml", "seal", "--in", data.toString(), "--out", "d.mqa",
                "--keyring", "k.json");
        assertEquals(0, sealed.code(), sealed.output());
        assertTrue(Files.size(home.resolve("lib/maml-seal.jsa")) > 0, "the seal archive was made");
        ChildProcesses.Finished unsealed = launch(home, "bin/maml", "unseal", "d.mqa", "--out", "d.csv", "--keyring", "k.json");
        assertEquals(0, unsealed.code(), unsealed.output());
        assertEquals(-1, Files.mismatch(data, home.resolve("d.csv")));

        assertFalse(Files.exists(home.resolve("maml-cli")), "the launcher ran the bundled jar and built nothing");
    }

    /**
     * The first command trains the default class archive (lib/maml.jsa) with throw-away runs in a scratch
     * directory, a lint and a run-batch of a copy of the demo (bin/maml): the tree, the working directory
     * and HOME stay as they were, the training prints nothing, later runs load the run path's classes
     * from the archive and print what a run without it prints, and no archived class crashes a JVM that
     * has a class-file hook (JFR; Java 17 does with an archived class of the jar's META-INF/versions/).
     */
    @Test
    void theClassArchiveCoversRunsAndItsTrainingLeavesTheUsersFilesAlone() throws Exception {
        Path home = unpacked();
        Map<Path, String> tree = digests(home);
        ChildProcesses.Finished version = launch(home, "bin/maml", "--version");
        assertEquals(0, version.code(), version.output());
        assertEquals("maml " + VERSION, version.output().strip());
        assertTrue(Files.size(home.resolve("lib/maml.jsa")) > 0, "the archive was made");
        Map<Path, String> trained = digests(home);
        trained.remove(Path.of("lib/maml.jsa"));
        assertEquals(tree, trained, "the training wrote nothing but the archive");
        assertFalse(Files.exists(tmp.resolve("home")), "nor in HOME");

        String key = "examples/demo/keys/demo-only-drone-security.pub";
        Path loaded = tmp.resolve("class-load.log");
        ChildProcesses.Finished archived = launch(home, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + loaded),
                "bin/maml-run", "examples/demo", "--trust", key);
        assertEquals(0, archived.code(), archived.output());
        String log = Files.readString(loaded);
        for (String runClass : List.of("dev.maml.run.Pipeline", "dev.maml.receipt.Receipts",
                "org.bouncycastle.jce.provider.BouncyCastleProvider", "org.redfx.strange.Program")) {
            assertTrue(log.contains(runClass + " source: shared objects file"), runClass + " came from the archive");
        }
        // MAML_JAVA_OPTS replaces the launcher's options, the archive with them
        ChildProcesses.Finished unarchived = launch(home, Map.of("MAML_JAVA_OPTS", "-XX:+UseSerialGC"),
                "bin/maml-run", "examples/demo", "--trust", key);
        assertEquals(0, unarchived.code(), unarchived.output());
        assertEquals(jsonLinesWithoutRunValues(unarchived.output()), jsonLinesWithoutRunValues(archived.output()));
        assertTrue(archived.output().contains("\"ok\":1"), archived.output());

        ChildProcesses.Finished recorded = launch(home, Map.of("JAVA_TOOL_OPTIONS",
                "-XX:StartFlightRecording=filename=" + tmp.resolve("run.jfr")), "bin/maml", "run",
                "examples/demo/drone_communication.maml.md", "--trust", key);
        assertEquals(0, recorded.code(), recorded.output());
        assertTrue(recorded.output().contains("\"status\" : \"ok\""), recorded.output());
    }

    private Path unpacked() throws Exception {
        Path tarGz = DIR.resolve(NAME + ".tar.gz");
        ChildProcesses.Finished unpacked = ChildProcesses.run(new ProcessBuilder("tar", "--extract", "--gzip",
                "--file", tarGz.toString(), "--directory", tmp.toString()).redirectErrorStream(true), ChildProcesses.TIMEOUT);
        assertEquals(0, unpacked.code(), unpacked.output());
        return tmp.resolve(NAME);
    }

    /** Every file under {@code dir} (relative) with the SHA-256 of its bytes. */
    private static Map<Path, String> digests(Path dir) throws Exception {
        Map<Path, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(dir.relativize(file),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }

    /** The JSON lines of a maml-run output, without the values that differ from run to run. */
    private static List<String> jsonLinesWithoutRunValues(String output) {
        return output.lines().filter(line -> line.startsWith("{"))
                .map(line -> line.replaceAll("\"(run_id|key_id|ciphertext_sha3_256|receipt)\":\"[^\"]*\"", "\"$1\":\"\""))
                .toList();
    }

    /** Runs {@code command} in {@code home} with PATH = links to bash and the coreutils it uses (in target/), and the JRE's bin. */
    private ChildProcesses.Finished launch(Path home, String... command) throws Exception {
        return launch(home, Map.of(), command);
    }

    /** {@link #launch(Path, String...)} with {@code extra} in the environment. */
    private ChildProcesses.Finished launch(Path home, Map<String, String> extra, String... command) throws Exception {
        Path tools = DIR.resolve("launcher-path");
        Files.createDirectories(tools);
        for (String tool : SHELL_TOOLS) {
            Files.deleteIfExists(tools.resolve(tool));
            Files.createSymbolicLink(tools.resolve(tool), onPath(tool));
        }
        Path jreBin = Path.of(System.getProperty("java.home"), "bin");
        assertFalse(Files.exists(jreBin.resolve("mvn")), "no Maven next to java");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(home.toFile())
                .redirectErrorStream(true);
        pb.command().set(0, home.resolve(command[0]).toString());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", tools + ":" + jreBin);
        env.put("HOME", tmp.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", tmp.resolve("home/.config").toString());
        env.putAll(extra);
        return ChildProcesses.run(pb, ChildProcesses.TIMEOUT);
    }

    private static Path onPath(String program) {
        return Arrays.stream(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError(program + " is not on the PATH"));
    }
}
