package dev.maml.cli;

import java.io.Flushable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard error that first flushes standard output and is itself never buffered, as C's stdio
 * does it. When both streams go to one pipe ({@code maml lint … 2>&1}, a CI log), what a command
 * printed to standard output comes before what it says on standard error, whole: a summary line can
 * no longer land in the middle of the last finding. {@link Main} wraps standard error in it once, so
 * every command writes through it and none flushes by hand.
 */
final class StdoutFirstWriter extends Writer {

    private final Flushable stdout;
    private final Writer stderr;

    private StdoutFirstWriter(Flushable stdout, Writer stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** {@code stderr} as a writer that flushes {@code stdout} before every write. */
    static PrintWriter stderr(Flushable stdout, Writer stderr) {
        return new PrintWriter(new StdoutFirstWriter(stdout, stderr), true);
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        stdout.flush();
        stderr.write(buffer, offset, length);
        stderr.flush();
    }

    @Override
    public void flush() throws IOException {
        stderr.flush();
    }

    @Override
    public void close() throws IOException {
        stderr.close();
    }
}
