package dev.maml.report;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Severity;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The text, JSON and GitHub-annotation outputs of `maml lint` (spec section 13); SARIF is {@link SarifReport}. */
public final class LintReport {

    private LintReport() {
    }

    /**
     * {@code path:line:column: severity MAML012/id-urn-uuid message}, one line per finding (line
     * breaks inside a message become spaces, so every finding stays one greppable line). Path and
     * message are {@link Printable#line escaped}; see {@link #textPath} for paths.
     */
    public static String text(List<LintedFile> files) {
        StringBuilder out = new StringBuilder();
        for (LintedFile f : files) {
            if (f.diagnostics().isEmpty()) {
                continue; // nothing printed; a clean tree of thousands of files escapes no path
            }
            String path = textPath(f.path());
            for (Diagnostic d : f.diagnostics()) {
                out.append(path).append(':').append(f.lines().displayLine(d.range().start())).append(':')
                        .append(f.lines().displayColumn(d.range().start())).append(": ").append(d.severity().label())
                        .append(' ').append(d.rule().id()).append('/').append(d.rule().alias()).append(' ')
                        .append(Printable.line(oneLine(d.message()))).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * A path as the text format prints it: escaped, and a relative path that starts with a colon
     * or white space gets {@code ./} in front, so no line can begin with {@code ::} (a file named
     * {@code ::error::x.maml.md} would otherwise be a GitHub workflow command in a CI log).
     */
    public static String textPath(String path) {
        String escaped = Printable.line(path);
        return !escaped.isEmpty() && (escaped.charAt(0) == ':' || Character.isWhitespace(escaped.charAt(0)))
                ? "./" + escaped : escaped;
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\R", " ");
    }

    public static ObjectNode json(List<LintedFile> files) {
        ObjectNode root = Json.object();
        root.put("version", 1);
        ArrayNode array = root.putArray("files");
        for (LintedFile f : files) {
            ObjectNode file = array.addObject();
            file.put("path", f.path());
            ArrayNode diagnostics = file.putArray("diagnostics");
            f.diagnostics().forEach(d -> diagnostics.add(DiagnosticJson.of(d, f.lines())));
        }
        Summary summary = Summary.of(files);
        root.putObject("summary").put("files", summary.files()).put("errors", summary.errors())
                .put("warnings", summary.warnings());
        return root;
    }

    /**
     * GitHub Actions workflow commands: {@code ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message}.
     * Info and hint findings become notices. Control characters are {@link Printable escaped}
     * first (a message keeps its line breaks), then the runner's own escaping: in the message
     * {@code %}, CR and LF; in property values also {@code :} and {@code ,}.
     */
    public static String github(List<LintedFile> files) {
        StringBuilder out = new StringBuilder();
        for (LintedFile f : files) {
            for (Diagnostic d : f.diagnostics()) {
                int start = d.range().start();
                int end = d.range().end();
                out.append("::").append(githubLevel(d.severity()))
                        .append(" file=").append(property(Printable.line(f.path())))
                        .append(",line=").append(f.lines().displayLine(start))
                        .append(",col=").append(f.lines().displayColumn(start))
                        .append(",endLine=").append(f.lines().displayLine(end))
                        .append(",endColumn=").append(f.lines().displayColumn(end))
                        .append(",title=").append(property(d.rule().id() + " (" + d.rule().alias() + ")"))
                        .append("::").append(data(Printable.lines(d.message()))).append('\n');
            }
        }
        return out.toString();
    }

    private static String githubLevel(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, HINT -> "notice";
        };
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** Counts for the summary and the exit code: files linted, errors, warnings. */
    public record Summary(int files, long errors, long warnings) {
        public static Summary of(List<LintedFile> files) {
            return new Summary(files.size(),
                    files.stream().mapToLong(f -> f.count(Severity.ERROR)).sum(),
                    files.stream().mapToLong(f -> f.count(Severity.WARNING)).sum());
        }
    }
}
