package dev.maml.cli;

import dev.maml.cli.cache.CachedRun;
import dev.maml.cli.cache.LintCache;
import dev.maml.cli.shard.ShardArgument;
import dev.maml.io.AtomicFiles;
import dev.maml.io.InputFiles;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintSettings;
import dev.maml.lint.config.LintConfigException;
import dev.maml.lint.config.SeverityWord;
import dev.maml.model.FileKind;
import dev.maml.report.LintFormats;
import dev.maml.report.LintReport;
import dev.maml.report.LintedFile;
import dev.maml.toolchain.Build;
import dev.maml.toolchain.Fixed;
import dev.maml.toolchain.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "lint", description = {
        "Check MAML documents (*.maml.md, *.maml.markdown) and .mu receipts.",
        "Exit 0: no errors (and no more warnings than --max-warnings); 1: errors found; 2: usage, I/O or config error."},
        footerHeading = "%nExamples:%n", footer = {
        "  maml lint",
        "  maml lint 'docs/**/*.maml.md' '!docs/drafts/**'",
        "  maml lint --fix --report-unused-disable-directives docs",
        "  git ls-files -z '*.maml.md' | maml lint --files-from - -0",
        "  maml lint --format sarif --output-file maml.sarif .",
        "See docs/lint.md; `maml rules` lists the rules."})
final class LintCommand implements Callable<Integer> {

    private static final int MAX_THREADS = 8;
    /** The most files one task of the lint pool takes on. */
    private static final int CHUNK = 64;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = {"Files, directories (searched recursively) and quoted glob patterns; '!PATTERN' leaves out what it matches;",
                    "default: the current directory. A directory or pattern that matches no file is an error."})
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, sarif, github (Actions annotations), gitlab (Code Quality) or junit (JUnit XML).")
    String format;

    @Option(names = "--quiet", description = "Report errors only (warnings still count for --max-warnings).")
    boolean quiet;

    @Option(names = "--output-file", paramLabel = "F",
            description = "Write the report to F (replaced atomically, created 0600; never over a link, FIFO or device).")
    Path outputFile;

    @Option(names = "--fix", description = "Apply the safe fixes and write the files back.")
    boolean fix;

    @Option(names = "--fix-dry-run", description = "Report as if fixed (--fix's findings); files are left untouched.")
    boolean fixDryRun;

    @Option(names = "--diff", description = "Print a unified diff of what --fix would change, files untouched; exit 1 if it would change any.")
    boolean diff;

    @Option(names = "--unsafe-fixes",
            description = "With --fix, --fix-dry-run or --diff: unsafe fixes too (a new random id; any fix of a signed document).")
    boolean unsafeFixes;

    @Option(names = "--config", paramLabel = "F", description = "Use this config for every file instead of .maml-lint.yaml files.")
    Path config;

    @Option(names = "--no-ignore", description = "Lint what .gitignore files and the configs' ignores leave out.")
    boolean noIgnore;

    @Option(names = "--max-warnings", paramLabel = "N", defaultValue = "-1",
            description = "Exit 1 when there are more than N warnings.")
    int maxWarnings;

    @Option(names = "--report-unused-disable-directives",
            description = "Report inline disables that suppress nothing (MAML080) as errors, whatever the configs say.")
    boolean reportUnusedDirectives;

    @Option(names = "--report-unused-disable-directives-severity", paramLabel = "WORD",
            description = "The same with another severity: off, on, error, warning, info or hint (MAML080 is a warning by default).")
    String unusedDirectivesSeverity;

    @Mixin
    FilesFromOptions listed;

    @Option(names = "--stdin", description = "Lint standard input (with --fix: print the fixed text).")
    boolean stdin;

    @Option(names = "--stdin-filename", paramLabel = "NAME",
            description = "The name standard input stands for (kind, config, ignores, printed path).")
    Path stdinFilename;

    @Option(names = "--cache", description = "Replay the findings of files unchanged since the last --cache run (see docs/lint.md).")
    boolean cache;

    @Option(names = "--cache-location", paramLabel = "PATH",
            description = "The cache file (or a directory for it); default: .maml-lint-cache next to the config in use.")
    Path cacheLocation;

    @Option(names = "--cache-strategy", paramLabel = "S", defaultValue = "content",
            description = "content (default: hash every file) or metadata (trust an unchanged size and time).")
    String cacheStrategy;

    @Option(names = "--shard", paramLabel = "I/N", converter = ShardArgument.Converter.class,
            description = "Lint only shard I of N (1-based; auto/N: JOB_COMPLETION_INDEX + 1); see docs/run.md, Sharding.")
    ShardArgument shard;

    private PrintWriter out;
    private PrintWriter err;
    /** With --cache, the cache the lint pool's threads look files up in; else null. */
    private LintCache lintCache;

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        String usage = usageError();
        if (usage != null) {
            err.println("maml: " + usage);
            return ExitCodes.USAGE;
        }
        Session.Builder session = Session.builder().config(config);
        if (noIgnore) {
            session.includeIgnored();
        }
        unusedDirectives().ifPresent(word -> session.severities(Map.of(RuleId.MAML080.id(), word)));
        Session built = session.build();
        if (!built.problems().isEmpty()) {
            err.println("maml: --report-unused-disable-directives-severity: " + SeverityWord.EXPECTED);
            return ExitCodes.USAGE;
        }
        FileLinter linter = new FileLinter(built);
        try {
            return stdin ? lintStdin(linter) : lintPaths(linter);
        } catch (LintConfigException e) {
            err.println("maml: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private String usageError() {
        if (!LintFormats.NAMES.contains(format)) {
            return "unknown format '" + format + "' (expected " + LintFormats.choices() + ")";
        }
        if ((fix ? 1 : 0) + (fixDryRun ? 1 : 0) + (diff ? 1 : 0) > 1) {
            return "give one of --fix, --fix-dry-run and --diff";
        }
        if (unsafeFixes && !fixMode().fixes()) {
            return "--unsafe-fixes needs --fix, --fix-dry-run or --diff";
        }
        if (diff && (!format.equals("text") || outputFile != null || quiet)) {
            return "--diff prints a diff, not a report: --format, --output-file and --quiet do not apply";
        }
        if (reportUnusedDirectives && unusedDirectivesSeverity != null) {
            return "give --report-unused-disable-directives or --report-unused-disable-directives-severity, not both";
        }
        if (stdin && (!paths.isEmpty() || listed.given())) {
            return "give PATHs (or --files-from) or --stdin, not both";
        }
        if (stdinFilename != null && !stdin) {
            return "--stdin-filename needs --stdin";
        }
        if (maxWarnings < -1) {
            return "--max-warnings must be 0 or more";
        }
        String cacheUsage = CachedRun.usageError(cache, cacheLocation, cacheStrategy, stdin);
        if (cacheUsage != null) {
            return cacheUsage;
        }
        if (config != null && !Files.isRegularFile(config)) {
            return config + ": no such config file";
        }
        return null;
    }

    /** ESLint's pair of options: the flag means error, the -severity option names the word; they override the configs. */
    private Optional<String> unusedDirectives() {
        return reportUnusedDirectives ? Optional.of("error") : Optional.ofNullable(unusedDirectivesSeverity);
    }

    private FixMode fixMode() {
        FixMode.Action action = fix ? FixMode.Action.FIX : fixDryRun ? FixMode.Action.DRY_RUN
                : diff ? FixMode.Action.DIFF : FixMode.Action.NONE;
        return new FixMode(action, unsafeFixes);
    }

    private int lintStdin(FileLinter linter) throws IOException, LintConfigException {
        byte[] bytes = InputFiles.read(main.stdin(), "standard input");
        String display = stdinFilename == null ? "<stdin>" : stdinFilename.toString();
        FixMode mode = fixMode();
        if (!mode.fixes()) {
            LintedFile file = linter.lint(bytes, display, stdinFilename);
            List<LintedFile> files = file == null ? List.of() : List.of(file);
            report(files, out);
            return exitCode(files, false);
        }
        Fixed fixed = linter.fix(bytes, stdinFilename, mode);
        if (fixed.ignored()) {
            if (mode.writes()) {
                out.print(new String(bytes, StandardCharsets.UTF_8));
                report(List.of(), err);
            } else if (!mode.diff()) {
                report(List.of(), out);
            }
            return ExitCodes.OK;
        }
        if (fixed.notUtf8()) {
            err.println("maml: " + display + ": not valid UTF-8; nothing fixed");
            return ExitCodes.USAGE;
        }
        FileLinter.advice(fixed, display, mode).forEach(a -> err.println("maml: " + a));
        List<LintedFile> files = List.of(LintedFile.of(display, fixed.outcome().remaining()));
        if (mode.diff()) {
            return printDiffs(List.of(UnifiedDiff.of(display, new String(bytes, StandardCharsets.UTF_8), fixed.outcome().text())));
        }
        if (!mode.writes()) {
            report(files, out);
            return exitCode(files, false);
        }
        out.print(fixed.outcome().text());
        // stdout carries the fixed text, so what remains to report goes to stderr.
        report(files, err);
        return exitCode(files, false);
    }

    /** --diff: the diffs in order; exit 1 when --fix would change a file (Ruff's --diff), else 0. */
    private int printDiffs(List<String> diffs) {
        diffs.forEach(out::print);
        out.flush();
        long changed = diffs.stream().filter(d -> !d.isEmpty()).count();
        if (changed > 0) {
            err.println("maml: --fix would change " + changed + " file" + plural(changed));
        }
        return changed > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private int lintPaths(FileLinter linter) throws LintConfigException, IOException {
        List<String> arguments = new ArrayList<>(paths.stream().map(Path::toString).toList());
        arguments.addAll(listed.paths(main.stdin()));
        if (listed.given() && arguments.isEmpty()) {
            // an empty list (no file changed) lints nothing, not the current directory
            report(List.of(), out);
            return ExitCodes.OK;
        }
        LintTargets found = LintTargets.select(arguments, !noIgnore, file -> FileKind.of(file).isPresent());
        found.errors.forEach(e -> err.println("maml: " + e));
        found.notices.forEach(n -> err.println("maml: " + n));
        // Configs first, one at a time (each is read once): a broken config stops the run before any output.
        List<Job> jobs = new ArrayList<>();
        for (LintTargets.Target t : found.targets) {
            LintSettings s = linter.settings(t.file());
            if (s != null) {
                jobs.add(new Job(t, s));
            } else if (t.named()) {
                err.println("maml: " + t.display() + ": ignored by its lint config's ignores (--no-ignore lints it)");
            }
        }
        List<String> unmatched = found.unmatched(jobs.stream().map(Job::target).toList());
        unmatched.forEach(u -> err.println("maml: " + u));
        List<Job> mine = ShardSelection.keep(shard, jobs, Job::target, arguments);
        CachedRun caching = cache ? CachedRun.open(cacheLocation, config, cacheStrategy, err) : null;
        lintCache = caching == null ? null : caching.cache();
        List<Outcome> outcomes = run(mine, linter);
        if (caching != null) {
            caching.finish(mine.size(), main.debug);
        }
        List<LintedFile> files = new ArrayList<>();
        List<String> diffs = new ArrayList<>();
        boolean failed = !found.errors.isEmpty() || !unmatched.isEmpty();
        for (Outcome o : outcomes) {
            if (o.error != null) {
                err.println("maml: " + o.error);
                failed = true;
            } else {
                files.add(o.linted.file());
                o.linted.advice().forEach(a -> err.println("maml: " + a));
                diffs.add(o.linted.diff() == null ? "" : o.linted.diff());
            }
        }
        if (diff) {
            int code = printDiffs(diffs);
            return failed ? ExitCodes.USAGE : code;
        }
        report(files, out);
        return exitCode(files, failed);
    }

    /** A file to lint with the settings of its lint config. */
    private record Job(LintTargets.Target target, LintSettings settings) {
    }

    private record Outcome(FileLinter.Linted linted, String error) {
    }

    /** Lints in parallel on a bounded pool, in chunks of consecutive files; results come back in the jobs' (sorted) order. */
    private List<Outcome> run(List<Job> jobs, FileLinter linter) {
        if (jobs.size() <= 1) {
            return jobs.stream().map(j -> lintOne(j, linter)).toList();
        }
        int threads = Math.max(1, Math.min(MAX_THREADS, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "maml-lint");
            t.setDaemon(true);
            return t;
        });
        Progress progress = Progress.startIfUseful(err, jobs.size());
        // Consecutive files in chunks, not one task each: a file answered from the cache takes less
        // than handing a task over and waking the waiting thread (two futex calls a file, issue 15).
        // At least 8 chunks per thread keep the threads evenly busy when files cost more.
        int chunk = Math.max(1, Math.min(CHUNK, jobs.size() / (threads * 8)));
        Outcome[] outcomes = new Outcome[jobs.size()];
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int start = 0; start < jobs.size(); start += chunk) {
                int from = start;
                int to = Math.min(jobs.size(), start + chunk);
                futures.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        try {
                            outcomes[i] = lintOne(jobs.get(i), linter);
                        } finally {
                            if (progress != null) {
                                progress.advance();
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return List.of(outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            if (progress != null) {
                progress.finish();
            }
        }
    }

    private Outcome lintOne(Job job, FileLinter linter) {
        try {
            return new Outcome(linter.lintFile(job.target().file(), job.target().display(), job.settings(), fixMode(), lintCache),
                    null);
        } catch (IOException e) {
            return new Outcome(null, Failures.describe(e));
        }
    }

    private void report(List<LintedFile> files, PrintWriter to) throws IOException {
        List<LintedFile> shown = quiet ? files.stream().map(LintedFile::errorsOnly).toList() : files;
        String report = LintFormats.render(format, shown, RuleDocs::base);
        if (outputFile != null) {
            AtomicFiles.write(outputFile, report.getBytes(StandardCharsets.UTF_8), null);
        } else {
            to.print(report);
            to.flush();
        }
        if (format.equals("text")) {
            LintReport.Summary s = LintReport.Summary.of(shown);
            long findings = shown.stream().mapToLong(f -> f.diagnostics().size()).sum();
            if (findings > 0) {
                err.printf("%d error%s, %d warning%s, %d other finding%s in %d file%s%n", s.errors(), plural(s.errors()),
                        s.warnings(), plural(s.warnings()), findings - s.errors() - s.warnings(),
                        plural(findings - s.errors() - s.warnings()), s.files(), plural(s.files()));
            }
        }
        err.flush();
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private int exitCode(List<LintedFile> files, boolean failed) {
        if (failed) {
            return ExitCodes.USAGE;
        }
        LintReport.Summary s = LintReport.Summary.of(files);
        if (s.errors() > 0) {
            return ExitCodes.FAILED;
        }
        if (maxWarnings >= 0 && s.warnings() > maxWarnings) {
            err.println("maml: " + s.warnings() + " warning" + plural(s.warnings()) + ", more than --max-warnings " + maxWarnings);
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** Where SARIF help links point: MAML_DOCS_URL (the repository's file URL), else the project's home; see docs/lint.md. */
    static final class RuleDocs {
        private RuleDocs() {
        }

        static URI base() {
            return base(System.getenv("MAML_DOCS_URL"));
        }

        /** {@link Build#HOME} when {@code url} is unset or blank; a {@link UsageException} (exit 2) when it is no absolute URL. */
        static URI base(@Nullable String url) {
            if (url == null || url.isBlank()) {
                return Build.HOME;
            }
            URI uri;
            try {
                uri = new URI(url.endsWith("/") ? url : url + "/");
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null || !uri.isAbsolute()) {
                throw new UsageException("MAML_DOCS_URL must be an absolute URL, not '" + url + "'");
            }
            return uri;
        }
    }
}
