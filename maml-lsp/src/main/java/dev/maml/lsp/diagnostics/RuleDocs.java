package dev.maml.lsp.diagnostics;

import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.RulePages;
import java.net.URI;
import java.util.Optional;

/**
 * The rule pages ({@code docs/rules/ID.md}, bundled in maml-core: {@link RulePages}) for hover, and their
 * published address for {@code codeDescription.href}. LSP wants an absolute URI, and only the
 * user knows where the docs are published: the {@code docsUrl} setting, else the
 * {@code MAML_DOCS_URL} environment variable (as for SARIF's helpUri); without either, no link.
 */
public final class RuleDocs {

    private final String baseUrl;

    public RuleDocs(String baseUrl) {
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    public static RuleDocs of(String setting) {
        return new RuleDocs(setting != null ? setting : System.getenv("MAML_DOCS_URL"));
    }

    public Optional<String> href(RuleId id) {
        if (baseUrl == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(baseUrl + "docs/rules/" + id.id() + ".md").toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The rule's page in Markdown ({@link RulePages}). */
    public String page(RuleId id) {
        return RulePages.page(id);
    }
}
