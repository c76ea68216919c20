package dev.maml.report;

import dev.maml.diagnostic.Diagnostic;
import java.util.List;
import java.util.Locale;

/**
 * `maml lint --format junit`: JUnit XML as ESLint's junit formatter writes it, for CI systems that
 * show test reports. One {@code testsuite} per file; one failing {@code testcase} per finding
 * ({@code name} maml.RULE, {@code classname} the path), or one passing testcase named after a file
 * without findings. Text is XML-escaped, and characters XML 1.0 cannot carry at all (control
 * characters other than tab and line breaks, U+FFFE, U+FFFF, lone surrogates) are removed, and so are
 * DEL and the C1 controls.
 */
public final class JunitReport {

    private JunitReport() {
    }

    public static String of(List<LintedFile> files) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (LintedFile f : files) {
            int findings = f.diagnostics().size();
            String path = attribute(f.path());
            out.append("<testsuite package=\"maml\" time=\"0\" tests=\"").append(Math.max(1, findings))
                    .append("\" failures=\"").append(findings).append("\" errors=\"0\" name=\"").append(path).append("\">\n");
            if (findings == 0) {
                out.append("<testcase time=\"0\" name=\"").append(path).append("\" classname=\"").append(path).append("\" />\n");
            }
            for (Diagnostic d : f.diagnostics()) {
                int start = d.range().start();
                out.append("<testcase time=\"0\" name=\"maml.").append(d.rule().id()).append("\" classname=\"").append(path)
                        .append("\"><failure type=\"").append(d.severity().label()).append("\" message=\"")
                        .append(attribute(d.message())).append("\">")
                        .append(text("line " + f.lines().displayLine(start) + ", col " + f.lines().displayColumn(start) + ", "
                                + capitalized(d.severity().label()) + " - " + d.message() + " (" + d.rule().id() + "/"
                                + d.rule().alias() + ")"))
                        .append("</failure></testcase>\n");
            }
            out.append("</testsuite>\n");
        }
        return out.append("</testsuites>\n").toString();
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** Escaped for an attribute value in double quotes; line breaks and tabs as references, so a reader keeps them. */
    static String attribute(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }

    /** Escaped for element content, without the characters XML 1.0 does not allow. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (allowed(c)) {
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    default -> out.append(c);
                }
            }
        }
        return out.toString();
    }

    /**
     * XML 1.0's Char production, for one UTF-16 unit that is not part of a surrogate pair, less DEL
     * and the C1 controls, which XML allows but discourages (a terminal showing the log obeys them).
     */
    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F) || (c > 0x9F && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
    }
}
