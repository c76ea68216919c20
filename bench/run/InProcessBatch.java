import dev.maml.io.DirectorySync;
import dev.maml.run.Pipeline;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-process limit of `maml-run DIR --jobs N`: the same documents run through one warm
 * {@link Pipeline} on N threads, as the batch command runs them (same trust, receipts beside the
 * documents, their directory forced to disk once per round: the least the batch can do), without
 * JVM start, class loading or printing. Stays warm and measures one round per
 * line read from standard input, so a script can alternate it with the command line; prints
 * {"documents":…,"seconds":…,"cpu_s":…,"per_second":…} per round (cpu_s: the whole process's CPU time). Receipts (*.mu) are removed before each
 * round, as the script does before each command-line round.
 *
 * <pre>
 *   java -cp maml-cli/target/maml.jar bench/run/InProcessBatch.java DIR TRUSTED_PUB JOBS WARMUP_ROUNDS
 * </pre>
 */
public class InProcessBatch {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path trust = Path.of(args[1]).toAbsolutePath();
        int jobs = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        List<Path> documents = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.maml.md")) {
            files.forEach(documents::add);
        }
        Pipeline pipeline = new Pipeline();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        for (int i = 0; i < warmup; i++) {
            round(pipeline, pool, documents, dir, trust);
        }
        System.out.println("{\"ready\":true}");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        while (in.readLine() != null) {
            long cpu = os.getProcessCpuTime();
            double seconds = round(pipeline, pool, documents, dir, trust);
            System.out.printf("{\"documents\":%d,\"seconds\":%.3f,\"cpu_s\":%.2f,\"per_second\":%.1f}%n",
                    documents.size(), seconds, (os.getProcessCpuTime() - cpu) / 1e9, documents.size() / seconds);
        }
        pool.shutdown();
    }

    private static double round(Pipeline pipeline, ExecutorService pool, List<Path> documents, Path dir, Path trust)
            throws Exception {
        try (DirectoryStream<Path> receipts = Files.newDirectoryStream(dir, "*.mu")) {
            for (Path r : receipts) {
                Files.delete(r);
            }
        }
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (Path document : documents) {
            runs.add(pool.submit(() -> {
                RunResult r = pipeline.run(RunRequest.builder(document).trust(List.of(trust))
                        .receiptSyncedByCaller(true).build());
                if (!r.ok()) {
                    failed.incrementAndGet();
                    // which step and why, so a rare failure (the demo's BB84 abort, or not) is named, not guessed
                    System.err.println("run failed: " + document.getFileName() + ": step " + r.failedStep() + ": " + r.message());
                }
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        DirectorySync.sync(dir); // the batch forces the directory once per group of receipts; here once per round
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            System.err.println(failed.get() + " runs failed");
        }
        return seconds;
    }
}
