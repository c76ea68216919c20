package dev.maml.diagnostic;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of rule ids (spec section 12). Ids are stable and never reused; the parser, the
 * linter, the CLI and the language server all name findings through this one list.
 */
public enum RuleId {
    MAML001("front-matter-missing", Severity.ERROR, "front-matter", "Document has no YAML front matter", true),
    MAML002("front-matter-unclosed", Severity.ERROR, "front-matter", "Front matter is not closed", false),
    MAML003("yaml-syntax", Severity.ERROR, "front-matter", "Front matter is not valid YAML", false),
    MAML004("front-matter-not-mapping", Severity.ERROR, "front-matter", "Front matter is not a mapping", false),
    MAML005("duplicate-key", Severity.ERROR, "front-matter", "Duplicate key in a mapping", false),
    MAML006("alias-bomb", Severity.ERROR, "front-matter,security", "YAML aliases expand beyond the limit", false),
    MAML010("required-key", Severity.ERROR, "front-matter", "A required front-matter key is missing", true),
    MAML011("maml-version", Severity.WARNING, "front-matter", "maml_version is outdated or malformed", true),
    MAML012("id-urn-uuid", Severity.ERROR, "front-matter", "id is not a urn:uuid: with an RFC 4122 UUID", true),
    MAML013("origin-uri", Severity.WARNING, "front-matter,identity", "origin is not an agent:// or gateway:// URI", false),
    MAML014("permissions-shape", Severity.ERROR, "front-matter,identity", "permissions is not a map of lists", false),
    MAML015("permission-uri", Severity.WARNING, "front-matter,identity", "A permission entry is not an identity URI", false),
    MAML016("created-at", Severity.WARNING, "front-matter", "created_at is not an ISO 8601 timestamp with a zone", false),
    MAML017("unknown-type", Severity.INFO, "front-matter", "type is not one of the known document types", false),
    MAML018("front-matter-schema", Severity.ERROR, "front-matter,schema", "Front matter violates the MAML schema", false),
    MAML019("unknown-key", Severity.INFO, "front-matter", "Unknown front-matter key", true),
    MAML020("encryption-claim", Severity.WARNING, "front-matter,security", "Encryption claim names a key size AES does not have", false),
    MAML030("section-required", Severity.ERROR, "sections", "A required section is missing", true),
    MAML031("section-duplicate", Severity.ERROR, "sections", "Section appears more than once", false),
    MAML032("section-unknown", Severity.INFO, "sections", "Unknown section", true),
    MAML033("section-empty", Severity.WARNING, "sections", "Section is empty", false),
    MAML034("section-order", Severity.HINT, "sections", "Section is out of the recommended order", false),
    MAML035("section-heading-form", Severity.WARNING, "sections", "Section heading is not in canonical form", true),
    MAML040("fence-unclosed", Severity.ERROR, "code", "Code fence is never closed", false),
    MAML041("code-language-missing", Severity.ERROR, "code", "Code block has no language tag", false),
    MAML042("code-language-unknown", Severity.INFO, "code", "Code block language is not run by the runtime", false),
    MAML050("schema-json-syntax", Severity.ERROR, "schema", "Schema section is not valid JSON", false),
    MAML051("schema-invalid", Severity.ERROR, "schema", "Schema section is not a valid JSON Schema", false),
    MAML052("schema-count", Severity.ERROR, "schema", "Schema section must hold exactly one JSON object", false),
    MAML060("history-entry", Severity.WARNING, "history", "History entry is malformed", false),
    MAML061("history-order", Severity.WARNING, "history", "History timestamps go backwards", false),
    MAML062("history-verb", Severity.INFO, "history", "History verb is not a known verb", false),
    MAML070("signature-missing", Severity.WARNING, "signature,security", "Document should be signed", false),
    MAML071("signature-invalid", Severity.ERROR, "signature,security", "Signature does not verify", false),
    MAML072("signature-untrusted", Severity.WARNING, "signature,security", "Signing key is not trusted", false),
    MAML073("algorithm-legacy-name", Severity.INFO, "signature", "Signature algorithm has a legacy name", true),
    MAML080("directive-unused", Severity.WARNING, "suppression", "Inline disable directive suppresses nothing", true),
    MAML081("directive-unknown-rule", Severity.WARNING, "suppression", "Inline directive names no known rule", true),
    MAML090("encoding", Severity.ERROR, "file", "File is not clean UTF-8", false),
    MAML091("delimiter-trailing-space", Severity.HINT, "file,front-matter", "Front-matter delimiter has trailing whitespace", true),
    MAML092("line-endings", Severity.INFO, "file", "Line endings are inconsistent", false),
    MAML093("lone-carriage-return", Severity.ERROR, "file,security", "A carriage return is not followed by a line feed", true),
    MU001("receipt-front-matter", Severity.ERROR, "receipt", "Receipt front matter is missing or malformed", false),
    MU002("receipt-mirror", Severity.ERROR, "receipt", "Receipt mirror cannot be undone exactly", false),
    MU003("receipt-digest", Severity.ERROR, "receipt,security", "Receipt body does not match its digest", false),
    MU004("receipt-signature", Severity.ERROR, "receipt,security", "Receipt signature does not verify", false),
    MU005("receipt-unsigned", Severity.INFO, "receipt,security", "Receipt is not signed", false),
    MU006("receipt-source-changed", Severity.WARNING, "receipt", "Source document no longer matches its receipt", false);

    private final String alias;
    private final Severity defaultSeverity;
    private final List<String> tags;
    private final String title;
    private final boolean fixable;

    RuleId(String alias, Severity defaultSeverity, String tags, String title, boolean fixable) {
        this.alias = alias;
        this.defaultSeverity = defaultSeverity;
        this.tags = List.of(tags.split(","));
        this.title = title;
        this.fixable = fixable;
    }

    public String id() {
        return name();
    }

    public String alias() {
        return alias;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public List<String> tags() {
        return tags;
    }

    /** One-line description, used as SARIF shortDescription and in docs. */
    public String title() {
        return title;
    }

    /** Whether the rule offers a mechanical text fix (spec section 12's "fix" column) for `--fix`. */
    public boolean fixable() {
        return fixable;
    }

    /** Finds a rule by id ("MAML012", any case) or alias ("id-urn-uuid"). */
    /**
     * Whether an inline directive may suppress this rule's findings. The findings about directives
     * themselves (MAML080, MAML081) may not, as ESLint's unused-directive reports may not: a directive
     * would hide its own uselessness. Only the configuration turns them off.
     */
    public boolean suppressibleInline() {
        return this != MAML080 && this != MAML081;
    }

    public static Optional<RuleId> find(String idOrAlias) {
        String key = idOrAlias.trim();
        for (RuleId rule : values()) {
            if (rule.name().equals(key.toUpperCase(Locale.ROOT)) || rule.alias.equals(key)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
