package dev.maml.diagnostic;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of rule ids (spec section 12). Ids are stable and never reused; the parser, the
 * linter, the CLI and the language server all name findings through this one list.
 */
public enum RuleId {
    MAML001("front-matter-missing", Severity.ERROR, "front-matter", "Document has no YAML front matter"),
    MAML002("front-matter-unclosed", Severity.ERROR, "front-matter", "Front matter is not closed"),
    MAML003("yaml-syntax", Severity.ERROR, "front-matter", "Front matter is not valid YAML"),
    MAML004("front-matter-not-mapping", Severity.ERROR, "front-matter", "Front matter is not a mapping"),
    MAML005("duplicate-key", Severity.ERROR, "front-matter", "Duplicate key in a mapping"),
    MAML006("alias-bomb", Severity.ERROR, "front-matter,security", "YAML aliases expand beyond the limit"),
    MAML010("required-key", Severity.ERROR, "front-matter", "A required front-matter key is missing"),
    MAML011("maml-version", Severity.WARNING, "front-matter", "maml_version is outdated or malformed"),
    MAML012("id-urn-uuid", Severity.ERROR, "front-matter", "id is not a urn:uuid: with an RFC 4122 UUID"),
    MAML013("origin-uri", Severity.WARNING, "front-matter,identity", "origin is not an agent:// or gateway:// URI"),
    MAML014("permissions-shape", Severity.ERROR, "front-matter,identity", "permissions is not a map of lists"),
    MAML015("permission-uri", Severity.WARNING, "front-matter,identity", "A permission entry is not an identity URI"),
    MAML016("created-at", Severity.WARNING, "front-matter", "created_at is not an ISO 8601 timestamp with a zone"),
    MAML017("unknown-type", Severity.INFO, "front-matter", "type is not one of the known document types"),
    MAML018("front-matter-schema", Severity.ERROR, "front-matter,schema", "Front matter violates the MAML schema"),
    MAML019("unknown-key", Severity.INFO, "front-matter", "Unknown front-matter key"),
    MAML020("encryption-claim", Severity.WARNING, "front-matter,security", "Encryption claim names a key size AES does not have"),
    MAML030("section-required", Severity.ERROR, "sections", "A required section is missing"),
    MAML031("section-duplicate", Severity.ERROR, "sections", "Section appears more than once"),
    MAML032("section-unknown", Severity.INFO, "sections", "Unknown section"),
    MAML033("section-empty", Severity.WARNING, "sections", "Section is empty"),
    MAML034("section-order", Severity.HINT, "sections", "Section is out of the recommended order"),
    MAML035("section-heading-form", Severity.WARNING, "sections", "Section heading is not in canonical form"),
    MAML040("fence-unclosed", Severity.ERROR, "code", "Code fence is never closed"),
    MAML041("code-language-missing", Severity.ERROR, "code", "Code block has no language tag"),
    MAML042("code-language-unknown", Severity.INFO, "code", "Code block language is not run by the runtime"),
    MAML050("schema-json-syntax", Severity.ERROR, "schema", "Schema section is not valid JSON"),
    MAML051("schema-invalid", Severity.ERROR, "schema", "Schema section is not a valid JSON Schema"),
    MAML052("schema-count", Severity.ERROR, "schema", "Schema section must hold exactly one JSON object"),
    MAML060("history-entry", Severity.WARNING, "history", "History entry is malformed"),
    MAML061("history-order", Severity.WARNING, "history", "History timestamps go backwards"),
    MAML062("history-verb", Severity.INFO, "history", "History verb is not a known verb"),
    MAML070("signature-missing", Severity.WARNING, "signature,security", "Document should be signed"),
    MAML071("signature-invalid", Severity.ERROR, "signature,security", "Signature does not verify"),
    MAML072("signature-untrusted", Severity.WARNING, "signature,security", "Signing key is not trusted"),
    MAML073("algorithm-legacy-name", Severity.INFO, "signature", "Signature algorithm has a legacy name"),
    MAML090("encoding", Severity.ERROR, "file", "File is not clean UTF-8"),
    MAML091("delimiter-trailing-space", Severity.HINT, "file,front-matter", "Front-matter delimiter has trailing whitespace"),
    MAML092("line-endings", Severity.INFO, "file", "Line endings are inconsistent"),
    MU001("receipt-front-matter", Severity.ERROR, "receipt", "Receipt front matter is missing or malformed"),
    MU002("receipt-mirror", Severity.ERROR, "receipt", "Receipt mirror cannot be undone exactly"),
    MU003("receipt-digest", Severity.ERROR, "receipt,security", "Receipt body does not match its digest"),
    MU004("receipt-signature", Severity.ERROR, "receipt,security", "Receipt signature does not verify"),
    MU005("receipt-unsigned", Severity.INFO, "receipt,security", "Receipt is not signed"),
    MU006("receipt-source-changed", Severity.WARNING, "receipt", "Source document no longer matches its receipt");

    private final String alias;
    private final Severity defaultSeverity;
    private final List<String> tags;
    private final String title;

    RuleId(String alias, Severity defaultSeverity, String tags, String title) {
        this.alias = alias;
        this.defaultSeverity = defaultSeverity;
        this.tags = List.of(tags.split(","));
        this.title = title;
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

    /** Finds a rule by id ("MAML012", any case) or alias ("id-urn-uuid"). */
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
