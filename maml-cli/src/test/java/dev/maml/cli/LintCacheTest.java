package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.cli.cache.CacheEntry;
import dev.maml.cli.cache.CacheFile;
import dev.maml.cli.cache.CacheLocation;
import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.testing.ChildProcesses;
import dev.maml.model.Range;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `maml lint --cache` through the real command: what is replayed (evidence without timing: the
 * --debug count, and findings only the cache file holds), what invalidates it, and a cache file
 * treated as the hostile input it is.
 */
class LintCacheTest {

    private static final Pattern COUNT = Pattern.compile("lint cache .*: (\\d+) of (\\d+) files from the cache");

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("c/lint.cache");
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** Three documents: clean, an error (unclosed fence), a warning-level finding set (trailing blanks). */
    private void project() throws IOException {
        Files.createDirectories(cache().getParent());
        write("docs/clean.maml.md", LintCommandTest.CLEAN);
        write("docs/fence.maml.md", LintCommandTest.UNCLOSED_FENCE);
        write("docs/sub/trailing.maml.md", "---  \n" + LintCommandTest.FRONT_MATTER + "---\t\n" + "## Intent\nFly.\n");
    }

    private CliRun lint(String... args) {
        List<String> all = new ArrayList<>(List.of("lint"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private CliRun cached(String... args) {
        List<String> all = new ArrayList<>(List.of("--cache", "--cache-location", cache().toString()));
        all.addAll(List.of(args));
        return lint(all.toArray(String[]::new));
    }

    /** How many files the run answered from the cache (its --debug line). */
    private static int replayed(CliRun run) {
        Matcher m = COUNT.matcher(run.err());
        assertTrue(m.find(), run.err());
        return Integer.parseInt(m.group(1));
    }

    private String docs() {
        return dir.resolve("docs").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "github"})
    void unchangedFilesAreReplayedWithTheSameOutputAndExitCode(String format) throws IOException {
        project();
        CliRun plain = lint("--format", format, docs());
        CliRun first = cached("--format", format, docs());
        CliRun second = cached("--format", format, docs());
        for (CliRun run : List.of(first, second)) {
            assertEquals(plain.exitCode(), run.exitCode(), run.err());
            assertEquals(plain.out(), run.out());
            assertEquals(plain.err(), run.err());
        }
        assertEquals(1, plain.exitCode());
        assertEquals(3, replayed(cached("--debug", "--format", format, docs())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache())));
    }

    @Test
    void maxWarningsCountsReplayedWarnings() throws IOException {
        write("w/trailing.maml.md", "---  \n" + LintCommandTest.FRONT_MATTER + "---\t\n" + LintCommandTest.BODY);
        Files.createDirectories(cache().getParent());
        String w = dir.resolve("w").toString();
        CliRun plain = lint("--max-warnings", "0", w);
        cached(w);
        CliRun replay = cached("--debug", "--max-warnings", "0", w);
        assertEquals(1, replayed(replay));
        assertEquals(plain.exitCode(), replay.exitCode());
        assertEquals(plain.out(), replay.out());
    }

    @Test
    void firstRunLintsEverythingThenOnlyAChangedFileIsLintedAgain() throws IOException {
        project();
        assertEquals(0, replayed(cached("--debug", docs())));
        assertEquals(3, replayed(cached("--debug", docs())));
        write("docs/fence.maml.md", LintCommandTest.CLEAN);
        CliRun changed = cached("--debug", docs());
        assertEquals(2, replayed(changed));
        assertEquals(lint(docs()).out(), changed.out());
        assertFalse(changed.out().contains("fence.maml.md"), "the fixed file's old findings are not replayed");
        assertEquals(3, replayed(cached("--debug", docs())));
    }

    @Test
    void aConfigChangeInvalidatesTheEntriesItAppliesTo() throws IOException {
        project();
        cached(docs());
        // A config for docs/sub only: the two files above it keep their entries.
        write("docs/sub/.maml-lint.yaml", "rules:\n  MAML002: off\n");
        CliRun sub = cached("--debug", docs());
        assertEquals(2, replayed(sub));
        assertEquals(lint(docs()).out(), sub.out());
        // A rule turned off above: the two files it governs are linted again (docs/sub keeps its nearest config).
        write("docs/.maml-lint.yaml", "rules:\n  MAML040: off\n");
        CliRun all = cached("--debug", docs());
        assertEquals(1, replayed(all));
        assertFalse(all.out().contains("MAML040"), all.out());
        assertEquals(lint(docs()).out(), all.out());
    }

    @Test
    void theCacheSitsNextToTheConfigInUse() throws Exception {
        Path config = write("conf/.maml-lint.yaml", "rules:\n  MAML012: off\n");
        write("docs/clean.maml.md", LintCommandTest.CLEAN);
        assertEquals(0, lint("--cache", "--config", config.toString(), docs()).exitCode());
        assertTrue(Files.isRegularFile(dir.resolve("conf/.maml-lint-cache")));
        // Without --config: the config that applies to the current directory, else the directory itself.
        assertEquals(config.resolveSibling(CacheLocation.NAME), CacheLocation.of(null, null, dir.resolve("conf")));
        assertEquals(dir.resolve("docs").resolve(CacheLocation.NAME), CacheLocation.of(null, null, dir.resolve("docs")));
        assertEquals(dir.resolve("docs").resolve(CacheLocation.NAME), CacheLocation.of(dir.resolve("docs"), null, dir));
    }

    /** Rewrites every entry of the cache file with {@code change}, under {@code stamp} (null: the same). */
    private void forge(byte[] stamp, UnaryOperator<CacheEntry> change) throws IOException {
        CacheFile.Contents contents = read();
        List<CacheEntry> entries = contents.entries().values().stream().map(change).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CacheFile.write(out, stamp == null ? contents.stamp() : stamp, entries);
        Files.write(cache(), out.toByteArray());
    }

    private CacheFile.Contents read() throws IOException {
        try {
            return CacheFile.read(Files.readAllBytes(cache()));
        } catch (CacheFile.CorruptCacheException e) {
            throw new AssertionError(e);
        }
    }

    private static CacheEntry withFindings(CacheEntry e, List<Diagnostic> findings) {
        return new CacheEntry(e.path(), e.sha256(), e.state(), e.settings(), findings);
    }

    @Test
    void cachedFindingsAreReplayedNotRecomputed() throws IOException {
        project();
        cached(docs());
        Diagnostic planted = Diagnostic.of(RuleId.MAML040, "only the cache file says this", Range.of(0, 3));
        forge(null, e -> withFindings(e, List.of(planted)));
        CliRun run = cached(docs());
        assertEquals(3, run.out().lines().filter(l -> l.endsWith("only the cache file says this")).count(), run.out());
    }

    @Test
    void anEntryWhoseHashDoesNotMatchIsNotUsedEvenWithTheSameSizeAndTime() throws IOException {
        project();
        cached(docs());
        forge(null, e -> {
            byte[] other = e.sha256();
            other[0] ^= 1;
            return new CacheEntry(e.path(), other, e.state(), e.settings(), List.of());
        });
        CliRun run = cached("--debug", docs());
        assertEquals(0, replayed(run));
        assertEquals(lint(docs()).out(), run.out());
        assertEquals(1, run.exitCode());
    }

    @Test
    void findingsStoredForAnotherFileAreNotUsed() throws IOException {
        project();
        cached(docs());
        // The clean file's entry (no findings) moved to each of the others' paths.
        CacheEntry clean = read().entries().values().stream().filter(e -> e.findings().isEmpty()).findFirst().orElseThrow();
        forge(null, e -> new CacheEntry(e.path(), clean.sha256(), e.state(), clean.settings(), List.of()));
        CliRun run = cached("--debug", docs());
        assertEquals(1, replayed(run), "only the clean file itself");
        assertEquals(lint(docs()).out(), run.out());
    }

    @Test
    void anotherToolVersionInvalidatesTheWholeCache() throws IOException {
        project();
        cached(docs());
        byte[] otherStamp = new byte[32];
        Arrays.fill(otherStamp, (byte) 7);
        // Entries that would match the files exactly, claiming they are clean, under another version's stamp.
        forge(otherStamp, e -> withFindings(e, List.of()));
        CliRun run = cached("--debug", docs());
        assertEquals(0, replayed(run));
        assertEquals(lint(docs()).out(), run.out());
        assertNotEquals(Arrays.toString(otherStamp), Arrays.toString(read().stamp()), "rewritten under this version");
        assertEquals(3, replayed(cached("--debug", docs())));
    }

    @Test
    void metadataStrategyStillNoticesAChange() throws IOException {
        project();
        cached("--cache-strategy", "metadata", docs());
        assertEquals(3, replayed(cached("--debug", "--cache-strategy", "metadata", docs())));
        write("docs/clean.maml.md", LintCommandTest.NO_FRONT_MATTER);
        CliRun run = cached("--debug", "--cache-strategy", "metadata", docs());
        assertEquals(2, replayed(run));
        assertEquals(lint(docs()).out(), run.out());
    }

    /**
     * A change that keeps the size and the modification time (a byte swapped, the time set back as
     * `touch -d` or `rsync -t` do): the content strategy hashes it, the metadata strategy sees the
     * change time; either way the file is linted again. (A test cannot keep the change time; an
     * entry whose state matches in full but whose hash does not is forged above.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"content", "metadata"})
    void aChangeThatKeepsTheSizeAndTheModificationTimeIsLintedAgain(String strategy) throws IOException {
        project();
        Path file = write("docs/clean.maml.md", LintCommandTest.CLEAN + "x\n");
        // The same size; a blank after the opening '---' is a finding (MAML091).
        String withFinding = "--- \n" + LintCommandTest.CLEAN.substring(4) + "\n";
        cached("--cache-strategy", strategy, docs());
        CliRun before = lint(docs());
        FileTime modified = Files.getLastModifiedTime(file);
        Files.writeString(file, withFinding);
        Files.setLastModifiedTime(file, modified);
        assertEquals(modified, Files.getLastModifiedTime(file));
        CliRun plain = lint(docs());
        assertNotEquals(before.out(), plain.out(), "the change makes a finding");
        CliRun run = cached("--debug", "--cache-strategy", strategy, docs());
        assertEquals(2, replayed(run), "the changed file is linted again");
        assertEquals(plain.out(), run.out());
        assertEquals(plain.exitCode(), run.exitCode());
    }

    /**
     * Enough files for the lint pool to hand them out in chunks of several: every file is reported,
     * in path order, the same with and without the cache, and an error in any chunk counts.
     */
    @Test
    void manyFilesComeBackInPathOrderFromTheChunkedPool() throws IOException {
        Files.createDirectories(cache().getParent());
        for (int i = 0; i < 300; i++) {
            write(String.format("docs/d%d/f%03d.maml.md", i % 7, i), i % 37 == 5 ? LintCommandTest.UNCLOSED_FENCE : LintCommandTest.TRAILING);
        }
        CliRun plain = lint(docs());
        List<String> paths = plain.out().lines().map(l -> l.substring(0, l.indexOf(".maml.md:"))).distinct().toList();
        assertEquals(300, paths.size(), "every file has a finding");
        assertEquals(paths.stream().sorted().toList(), paths);
        assertEquals(1, plain.exitCode());
        cached(docs());
        CliRun replay = cached("--debug", docs());
        assertEquals(300, replayed(replay));
        assertEquals(plain.out(), replay.out());
        assertEquals(plain.exitCode(), replay.exitCode());
    }

    /** A FIFO named like a document is refused before it is opened (an open would block), cache or not. */
    @Test
    void aFifoIsRefusedBeforeTheCacheReadsIt() throws Exception {
        Files.createDirectories(cache().getParent());
        Path fifo = dir.resolve("pipe.maml.md");
        ChildProcesses.mkfifo(fifo);
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> cached(fifo.toString()));
        assertEquals(2, run.exitCode());
        assertEquals("maml: " + fifo + ": not a regular file (a FIFO, socket or device); only regular files are read\n", run.err());
    }

    @Test
    void fixUpdatesTheCacheWithTheFixedContent() throws IOException {
        Files.createDirectories(cache().getParent());
        Path file = write("docs/trailing.maml.md", "---  \n" + LintCommandTest.FRONT_MATTER + "---\t\n" + LintCommandTest.BODY);
        write("docs/fence.maml.md", LintCommandTest.UNCLOSED_FENCE);
        cached(docs());
        // The trailing blanks are fixable: that entry is not replayed, the file is fixed and stored anew.
        CliRun fix = cached("--debug", "--fix", docs());
        assertEquals(1, replayed(fix), "only the file with nothing to fix comes from the cache");
        assertEquals(LintCommandTest.CLEAN, Files.readString(file));
        CliRun after = cached("--debug", docs());
        assertEquals(2, replayed(after));
        assertEquals(lint(docs()).out(), after.out());
        assertEquals(lint(docs()).exitCode(), after.exitCode());
    }

    @Test
    void documentsWithAVerificationBlockAndReceiptsAreNeverCached() throws IOException {
        Files.createDirectories(cache().getParent());
        write("docs/signed.maml.md", "---\n" + LintCommandTest.FRONT_MATTER + "verification:\n  method: ml-dsa-65\n---\n"
                + LintCommandTest.BODY);
        write("docs/r.mu", "no front matter\n");
        cached(docs());
        CliRun run = cached("--debug", docs());
        assertEquals(0, replayed(run));
        assertEquals(lint(docs()).out(), run.out());
        assertTrue(read().entries().isEmpty());
    }

    /** Hostile cache files: each is ignored with a notice, the result is the uncached one, and the file is rewritten. */
    @Test
    void aDamagedOrForeignCacheFileIsIgnoredAndRewritten() throws IOException {
        project();
        CliRun plain = lint(docs());
        cached(docs());
        byte[] good = Files.readAllBytes(cache());
        List<byte[]> attacks = new ArrayList<>();
        attacks.add("garbage, not a cache".getBytes(StandardCharsets.UTF_8));
        attacks.add(Arrays.copyOf(good, good.length / 2));
        attacks.add(Arrays.copyOf(good, good.length + 1));
        attacks.add(withIntAt(good, 6 + 2 + 32, Integer.MAX_VALUE)); // entry count far past the bytes left
        attacks.add(replaced(good, "MAML040", "MAML999")); // a rule id that does not exist
        attacks.add(new byte[0]);
        for (byte[] attack : attacks) {
            Files.write(cache(), attack);
            Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-------"));
            assertIgnored(plain);
        }
        // A well-formed cache that is not private (as a checkout of a committed file is, 0644).
        forge(null, e -> withFindings(e, List.of()));
        Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-r--r--"));
        assertIgnored(plain);
        // Findings whose ranges lie outside their file.
        forge(null, e -> withFindings(e, List.of(Diagnostic.of(RuleId.MAML040, "x", Range.of(0, (int) e.state().size() + 1)))));
        assertIgnored(plain);
        // Huge (sparse, so the test stays cheap).
        try (RandomAccessFile huge = new RandomAccessFile(cache().toFile(), "rw")) {
            huge.setLength(300L << 20);
        }
        assertIgnored(plain);
        // A link, even to a good cache: not read, and not written through (a notice; the result stands).
        Path elsewhere = dir.resolve("elsewhere.cache");
        Files.write(elsewhere, good);
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-------"));
        Files.delete(cache());
        Files.createSymbolicLink(cache(), elsewhere);
        CliRun onLink = cached("--debug", docs());
        assertEquals(plain.out(), onLink.out());
        assertEquals(plain.exitCode(), onLink.exitCode());
        assertEquals(0, replayed(onLink));
        assertTrue(onLink.err().contains("ignored: not a regular file"), onLink.err());
        assertTrue(onLink.err().contains("not written"), onLink.err());
        assertTrue(Files.isSymbolicLink(cache()));
    }

    private void assertIgnored(CliRun plain) throws IOException {
        CliRun run = cached("--debug", docs());
        assertEquals(plain.out(), run.out());
        assertEquals(plain.exitCode(), run.exitCode());
        assertTrue(run.err().contains("ignored"), run.err());
        assertEquals(0, replayed(run));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache())));
        assertEquals(3, read().entries().size(), "rewritten whole");
    }

    private static byte[] withIntAt(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < 4; i++) {
            copy[at + i] = (byte) (value >>> (24 - 8 * i));
        }
        return copy;
    }

    private static byte[] replaced(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] copy = bytes.clone();
        for (int i = 0; i + f.length <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, copy, i, f.length);
                return copy;
            }
        }
        throw new AssertionError(from + " not in the cache");
    }

    @Test
    void cacheOptionsAreCheckedAsUsage() {
        assertEquals(2, lint("--cache-location", "x", docs()).exitCode());
        assertEquals(2, lint("--cache-strategy", "metadata", docs()).exitCode());
        assertEquals(2, lint("--cache", "--cache-strategy", "mtime", docs()).exitCode());
        CliRun stdin = CliRun.withStdin(new byte[0], "lint", "--cache", "--stdin");
        assertEquals(2, stdin.exitCode());
        assertEquals("maml: --cache needs files; standard input is never cached\n", stdin.err());
    }
}
