package dev.maml.cli;

import dev.maml.report.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Standard error as every command writes to it (and standard output of the commands that print text): messages name files and quote documents, both
 * attacker-controlled, so control characters are {@link Printable escaped} on their way out; line
 * feeds and tabs (stack traces with {@code --debug}) pass. {@link #raw()} is the unescaped stream,
 * for the one writer that sends terminal controls on purpose ({@link Progress}).
 */
final class EscapingPrintWriter extends PrintWriter {

    private final PrintWriter raw;

    EscapingPrintWriter(PrintWriter raw) {
        super(new Escaper(raw), true);
        this.raw = raw;
    }

    /**
     * Standard output for a command whose output is text for people (file names in it come from
     * repositories); JSON and documents go to the plain {@code getOut()}, where escaping would change them.
     */
    static PrintWriter stdout(CommandSpec spec) {
        return new EscapingPrintWriter(spec.commandLine().getOut());
    }

    /** {@code err} without escaping: itself unless it is an {@link EscapingPrintWriter}. */
    static PrintWriter raw(PrintWriter err) {
        return err instanceof EscapingPrintWriter e ? e.raw : err;
    }

    private static final class Escaper extends Writer {
        private final Writer out;

        Escaper(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            StringBuilder text = new StringBuilder(length);
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (Printable.isEscaped(c) && c != '\n' && c != '\t') {
                    Printable.appendEscape(text, c);
                } else {
                    text.append(c);
                }
            }
            out.write(text.toString());
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
