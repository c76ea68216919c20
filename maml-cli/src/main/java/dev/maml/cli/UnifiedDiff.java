package dev.maml.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.maml.report.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * `maml lint --diff`: what --fix would change in one file, as a unified diff with three lines of
 * context and the printed path on both header lines (`patch -p0` reads it). Document text is
 * attacker material on a terminal, so each line is {@link Printable#line escaped} after its line
 * break (LF or CRLF) is taken off: a clean document's diff is exact, one with control characters
 * stays readable.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff, ending in a line break; empty when the texts are equal. */
    static String of(String path, String before, String after) {
        List<String> original = lines(before);
        List<String> revised = lines(after);
        String name = Printable.line(path);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(name, name, original, DiffUtils.diff(original, revised), CONTEXT);
        return diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
    }

    /** Lines split at LF, a CRLF's CR taken off with it; a lone CR stays in its line and shows as \x0D. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(Printable.line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line));
        }
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
