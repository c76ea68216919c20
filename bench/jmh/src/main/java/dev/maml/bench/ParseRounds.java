package dev.maml.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link ParseBenchmark}'s two sides in alternating rounds, timed by the CPU time of this thread as
 * well as the wall clock: on the shared machine the wall time of a pass swings 2-4x with the other
 * jobs, its CPU time much less. Each round runs both sides for the same number of corpus passes,
 * the side that goes first alternating; the ratio is taken within each round.
 * Usage: {@code java -cp bench/jmh/target/benchmarks.jar dev.maml.bench.ParseRounds [rounds] [passes] [warm-up passes]}
 */
public final class ParseRounds {

    private static long sink;

    private ParseRounds() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        ParseBenchmark bench = new ParseBenchmark();
        bench.load();
        Consumer<Object> consume = o -> sink += System.identityHashCode(o);
        System.out.printf("load average at start: %s%n", loadAverage());
        for (int i = 0; i < warmup; i++) {
            bench.maml(consume);
            bench.commonmarkPlusJacksonYaml(consume);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double mb = bench.corpusBytes() * (double) passes / 1e6;
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> wallRatios = new ArrayList<>();
        System.out.println("round  maml cpu MB/s  maml wall MB/s  peer cpu MB/s  peer wall MB/s  ratio cpu  ratio wall");
        for (int round = 1; round <= rounds; round++) {
            double[] maml = new double[2];
            double[] peer = new double[2];
            for (int side = 0; side < 2; side++) {
                boolean mamlNow = (side == 0) == (round % 2 == 1);
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                for (int i = 0; i < passes; i++) {
                    if (mamlNow) {
                        bench.maml(consume);
                    } else {
                        bench.commonmarkPlusJacksonYaml(consume);
                    }
                }
                double[] into = mamlNow ? maml : peer;
                into[0] = mb / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
                into[1] = mb / ((System.nanoTime() - wall0) / 1e9);
            }
            cpuRatios.add(maml[0] / peer[0]);
            wallRatios.add(maml[1] / peer[1]);
            System.out.printf("%5d  %13.1f  %14.1f  %13.1f  %14.1f  %9.2f  %10.2f%n", round, maml[0], maml[1], peer[0],
                    peer[1], maml[0] / peer[0], maml[1] / peer[1]);
        }
        System.out.printf("median ratio (maml / peer): cpu %.2f, wall %.2f; load average at end: %s%n",
                median(cpuRatios), median(wallRatios), loadAverage());
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() throws IOException {
        Path proc = Path.of("/proc/loadavg");
        return Files.exists(proc) ? Files.readString(proc).strip() : "unknown";
    }
}
