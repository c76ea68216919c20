package dev.maml.diagnostic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The rule pages (docs/rules/ID.md: what a rule checks, why, bad and good examples, its fix),
 * bundled in this jar for the front ends that show them: the language server's hover and the MCP
 * resources {@code maml://rules/{id}}.
 */
public final class RulePages {

    private RulePages() {
    }

    /** The rule's page in Markdown, or its one-line title when the page is not bundled. */
    public static String page(RuleId id) {
        try (InputStream in = RulePages.class.getResourceAsStream("/dev/maml/rules/" + id.id() + ".md")) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "**" + id.id() + " " + id.alias() + "** (" + id.defaultSeverity().label() + ")\n\n" + id.title() + ".";
    }

    /**
     * What the rule checks, in a few sentences: the first paragraph of its page after the heading
     * and the severity/tags list (SARIF's {@code fullDescription}); the title when there is none.
     */
    public static String description(RuleId id) {
        StringBuilder paragraph = new StringBuilder();
        for (String line : page(id).split("\\R")) {
            if (paragraph.isEmpty() && (line.isBlank() || line.startsWith("#") || line.startsWith("- ") || line.startsWith("**"))) {
                continue;
            }
            if (line.isBlank()) {
                break;
            }
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
        }
        return paragraph.isEmpty() ? id.title() + "." : paragraph.toString();
    }
}
