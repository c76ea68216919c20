import dev.maml.lint.LintResult;
import dev.maml.report.DiagnosticJson;
import dev.maml.report.Json;
import dev.maml.run.Identity;
import dev.maml.run.Pipeline;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import dev.maml.trust.TrustSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What `maml serve` does for POST /lint or POST /execute, without HTTP: the same engine calls with
 * the settings dev.maml.server.http.PostedDocuments uses, the answer serialised as the routes write
 * it, on THREADS threads (bench/serve-load.sh gives one per core). bench/mcp/InProcessLint.java times
 * single calls for latency; this one counts throughput on every core, which is what wrk's
 * requests/s is compared with.
 *
 * <pre>
 *   java -cp maml-cli/target/maml.jar bench/serve/InProcessThroughput.java lint|execute ROOT DOCUMENT \
 *        WARMUP THREADS RECEIPTS [TRUST...]
 * </pre>
 *
 * It warms up for WARMUP seconds, prints {@code ready}, then measures one round per line it reads on
 * standard input (the line is the round's length in seconds) and prints one JSON line per round:
 * ops/s and the process CPU time per operation. The JVM stays warm between rounds, so the script can
 * alternate wrk rounds against the server with rounds here: this machine's CPU speed drifts 2-4x
 * within minutes, and only rounds taken close together compare fairly.
 *
 * The server reads a posted document as ROOT/posted.maml.md; a run needs a file, so, like the
 * server, each execute writes the document to a fresh temporary file and removes it afterwards.
 * Receipts go to RECEIPTS, emptied before each round as the script empties the server's: a run lists
 * and stats every receipt there to find its chain's head, so both sides start each round with none.
 */
public class InProcessThroughput {

    private static final String NAME = "posted.maml.md";
    private static final AtomicLong FAILED_RUNS = new AtomicLong();
    private static final AtomicLong ANSWERED = new AtomicLong();

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: InProcessThroughput lint|execute ROOT DOCUMENT WARMUP THREADS RECEIPTS [TRUST...]");
            System.exit(2);
        }
        String mode = args[0];
        Path root = Path.of(args[1]).toAbsolutePath().normalize();
        byte[] document = Files.readAllBytes(Path.of(args[2]));
        int warmup = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        Path receipts = Path.of(args[5]).toAbsolutePath().normalize();
        List<Path> trust = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            trust.add(Path.of(args[i]).toAbsolutePath());
        }
        Files.createDirectories(receipts);
        Path holding = Files.createTempDirectory("maml-inprocess-");
        Work work = switch (mode) {
            case "lint" -> new Lint(root, trust);
            case "execute" -> new Execute(root, trust, receipts, holding);
            default -> throw new IllegalArgumentException("mode must be lint or execute, not " + mode);
        };
        measure(work, document, threads, warmup); // warm-up: the JIT, as the server's warm-up requests do
        System.out.println("ready");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null && !line.isBlank(); ) {
            int seconds = Integer.parseInt(line.trim());
            removeReceipts(receipts);
            FAILED_RUNS.set(0);
            ANSWERED.set(0);
            long cpuBefore = os.getProcessCpuTime();
            long ops = measure(work, document, threads, seconds);
            double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6;
            System.out.printf("{\"mode\":\"%s\",\"threads\":%d,\"seconds\":%d,\"ops\":%d,\"ops_per_s\":%.1f,"
                    + "\"cpu_ms_per_op\":%.3f,\"failed_runs\":%d,\"answer_bytes\":%d}%n", mode, threads, seconds, ops,
                    ops / (double) seconds, ops > 0 ? cpuMs / ops : 0, FAILED_RUNS.get(), ANSWERED.get());
        }
        Files.deleteIfExists(holding);
    }

    /** Operations completed by {@code threads} threads in {@code seconds}; any failed operation ends the program. */
    private static long measure(Work work, byte[] document, int threads, int seconds) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long n = 0;
                long bytes = 0;
                try {
                    while (running.get()) {
                        bytes += work.once(document);
                        n++;
                    }
                } catch (Exception | Error e) {
                    failure.compareAndSet(null, e);
                }
                done.addAndGet(n);
                ANSWERED.addAndGet(bytes);
            });
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an operation failed: " + failure.get(), failure.get());
        }
        return done.get();
    }

    private static void removeReceipts(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.mu")) {
            for (Path file : files) {
                Files.delete(file);
            }
        }
    }

    private interface Work {
        /** @return the length of the answer, so that writing it is not optimised away */
        int once(byte[] document) throws IOException;
    }

    /** LintRoute: Toolchain.lint with the server's session, then {"diagnostics": [...]} pretty-printed. */
    private record Lint(Path root, List<Path> trust, Toolchain toolchain) implements Work {

        Lint(Path root, List<Path> trust) {
            this(root, trust, new Toolchain());
        }

        @Override
        public int once(byte[] document) {
            Session session = Session.builder().workingDirectory(root).configWithin(root).includeIgnored()
                    .trust(TrustSettings.server(trust)).build();
            LintResult result = toolchain.lint(Source.of(document, root.resolve(NAME)), session).result();
            var answer = Json.object();
            var diagnostics = answer.putArray("diagnostics");
            result.diagnostics().forEach(d -> diagnostics.add(DiagnosticJson.of(d, result.document().lines())));
            return (Json.pretty(answer) + "\n").getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** ExecuteRoute: the document in a temporary file, run as agent://local in ROOT, the result pretty-printed. */
    private record Execute(Path root, List<Path> trust, Path receipts, Path holding, Pipeline pipeline) implements Work {

        Execute(Path root, List<Path> trust, Path receipts, Path holding) {
            this(root, trust, receipts, holding, new Pipeline());
        }

        @Override
        public int once(byte[] document) throws IOException {
            Path file = Files.createTempFile(holding, "posted-", ".maml.md");
            try {
                Files.write(file, document);
                RunResult result = pipeline.run(RunRequest.builder(file).name(NAME).identity(Identity.LOCAL)
                        .trust(TrustSettings.server(trust)).baseDir(root).root(root).receiptDir(receipts).build());
                if (!result.ok()) {
                    FAILED_RUNS.incrementAndGet(); // the server answers these 422; counted, not hidden
                }
                var answer = result.result();
                if (result.receipt() != null) {
                    answer.put("receipt", result.receipt().getFileName().toString());
                }
                return (Json.pretty(answer) + "\n").getBytes(StandardCharsets.UTF_8).length;
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
