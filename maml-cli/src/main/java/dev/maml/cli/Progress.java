package dev.maml.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on standard error, for long runs on a terminal only (so pipes, files and
 * CI logs never see carriage returns). Redrawn when the percentage changes.
 */
final class Progress {

    static final int MIN_FILES = 200;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private int shownPercent = -1;

    Progress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    /** A bar when there are more than {@link #MIN_FILES} files and stderr is a terminal, otherwise null. */
    static Progress startIfUseful(PrintWriter err, int total) {
        // The bar's own CR and ESC are meant for the terminal: the unescaped stream.
        return total > MIN_FILES && Terminal.stderrIsTerminal() ? new Progress(EscapingPrintWriter.raw(err), total) : null;
    }

    void advance() {
        int n = done.incrementAndGet();
        int percent = (int) (100L * n / total);
        synchronized (this) {
            if (percent != shownPercent) {
                shownPercent = percent;
                int filled = WIDTH * percent / 100;
                err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total + " files");
                err.flush();
            }
        }
    }

    synchronized void finish() {
        err.print("\r\033[K");
        err.flush();
    }
}
