package dev.maml.sandbox;

import java.time.Duration;

/**
 * What one code block may use. CPU, memory, processes and file size are kernel rlimits set inside
 * the sandbox; wall time, output and the temp dir size are enforced by the runtime and bwrap.
 *
 * @param cpuSeconds     CPU time (RLIMIT_CPU soft limit; SIGXCPU, then SIGKILL one second later)
 * @param wall           wall-clock time, after which the whole sandbox is killed
 * @param memoryBytes    address space (RLIMIT_AS): allocations beyond it fail with ENOMEM
 * @param processes      processes and threads of the sandbox user (RLIMIT_NPROC)
 * @param fileBytes      largest file the block may write (RLIMIT_FSIZE)
 * @param tmpBytes       size of the private /tmp (tmpfs); RLIMIT_FSIZE alone does not bound many files
 * @param outputBytes    bytes accepted on stdout, and separately on stderr; more kills the block
 * @param stderrTailBytes how much of the end of stderr is kept for the report
 */
public record Limits(int cpuSeconds, Duration wall, long memoryBytes, int processes, long fileBytes,
                     long tmpBytes, int outputBytes, int stderrTailBytes) {

    private static final int MIB = 1024 * 1024;

    public static final Limits DEFAULT = new Limits(10, Duration.ofSeconds(30), 512L * MIB, 64, 16L * MIB,
            64L * MIB, MIB, 8 * 1024);

    public Limits {
        positive(cpuSeconds, "cpuSeconds");
        positive(memoryBytes, "memoryBytes");
        positive(processes, "processes");
        positive(fileBytes, "fileBytes");
        positive(tmpBytes, "tmpBytes");
        positive(outputBytes, "outputBytes");
        positive(stderrTailBytes, "stderrTailBytes");
        if (wall.isNegative() || wall.isZero()) {
            throw new IllegalArgumentException("wall must be positive, got " + wall);
        }
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    public Limits withCpuSeconds(int seconds) {
        return new Limits(seconds, wall, memoryBytes, processes, fileBytes, tmpBytes, outputBytes, stderrTailBytes);
    }

    public Limits withWall(Duration duration) {
        return new Limits(cpuSeconds, duration, memoryBytes, processes, fileBytes, tmpBytes, outputBytes, stderrTailBytes);
    }

    public Limits withMemoryBytes(long bytes) {
        return new Limits(cpuSeconds, wall, bytes, processes, fileBytes, tmpBytes, outputBytes, stderrTailBytes);
    }

    public Limits withProcesses(int count) {
        return new Limits(cpuSeconds, wall, memoryBytes, count, fileBytes, tmpBytes, outputBytes, stderrTailBytes);
    }

    public Limits withFileBytes(long bytes) {
        return new Limits(cpuSeconds, wall, memoryBytes, processes, bytes, tmpBytes, outputBytes, stderrTailBytes);
    }

    public Limits withTmpBytes(long bytes) {
        return new Limits(cpuSeconds, wall, memoryBytes, processes, fileBytes, bytes, outputBytes, stderrTailBytes);
    }

    public Limits withOutputBytes(int bytes) {
        return new Limits(cpuSeconds, wall, memoryBytes, processes, fileBytes, tmpBytes, bytes, stderrTailBytes);
    }

    public Limits withStderrTailBytes(int bytes) {
        return new Limits(cpuSeconds, wall, memoryBytes, processes, fileBytes, tmpBytes, outputBytes, bytes);
    }
}
