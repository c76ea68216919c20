package dev.maml.report;

import dev.maml.toolchain.Build;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/** The report formats of `maml lint --format` by name, each rendered whole (for stdout or --output-file). */
public final class LintFormats {

    /** In the order the help lists them; text is the default. */
    public static final List<String> NAMES = List.of("text", "json", "sarif", "github", "gitlab", "junit");

    private LintFormats() {
    }

    /**
     * @param format one of {@link #NAMES}
     * @param docsBase where SARIF's help links point ({@link SarifReport#of}); asked only for SARIF, so
     *                 a bad setting behind it stops no other format
     */
    public static String render(String format, List<LintedFile> files, Supplier<URI> docsBase) {
        return switch (format) {
            case "text" -> LintReport.text(files);
            case "json" -> Json.compact(LintReport.json(files)) + "\n";
            case "sarif" -> Json.pretty(SarifReport.of(files, Build.version(), docsBase.get())) + "\n";
            case "github" -> LintReport.github(files);
            case "gitlab" -> Json.pretty(GitlabReport.of(files)) + "\n";
            case "junit" -> JunitReport.of(files);
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (expected " + choices() + ")");
        };
    }

    /** "text, json, … or junit", for messages. */
    public static String choices() {
        return String.join(", ", NAMES.subList(0, NAMES.size() - 1)) + " or " + NAMES.get(NAMES.size() - 1);
    }
}
