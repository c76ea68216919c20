package dev.maml.report;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * `maml lint --format sarif`: one SARIF 2.1.0 run. Every rule of the catalogue is listed in
 * {@code tool.driver.rules} (so {@code ruleIndex} is stable across runs), results carry 1-based
 * lines and code-point columns ({@code columnKind: unicodeCodePoints}; end column exclusive, as in
 * SARIF), artifact URIs are the printed paths as relative URI references.
 */
public final class SarifReport {

    /** Where rule documentation lives: {@code docs/rules/ID.md} relative to the repository root. */
    public static final String RULE_DOCS = "docs/rules/";

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    /**
     * @param helpBase where the repository's files are published, ending in "/" (e.g. its blob URL
     *                 on GitHub), or null when unknown. SARIF requires {@code helpUri} to be an
     *                 absolute URI (the official schema's format check refuses a relative one), so
     *                 with a base each rule gets {@code helpUri = helpBase + "docs/rules/ID.md"};
     *                 without one it gets only {@code help.text} naming that repository path.
     */
    public static ObjectNode of(List<LintedFile> files, String toolVersion, URI helpBase) {
        if (helpBase != null && !helpBase.isAbsolute()) {
            throw new IllegalArgumentException("the rule docs base must be an absolute URI: " + helpBase);
        }
        List<RuleId> catalogue = List.of(RuleId.values());
        ObjectNode root = Json.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "maml");
        driver.put("version", toolVersion);
        if (helpBase != null) {
            driver.put("informationUri", helpBase.toString());
        }
        ArrayNode rules = driver.putArray("rules");
        for (RuleId id : catalogue) {
            ObjectNode rule = rules.addObject();
            rule.put("id", id.id());
            rule.put("name", id.alias());
            rule.putObject("shortDescription").put("text", id.title());
            String doc = RULE_DOCS + id.id() + ".md";
            if (helpBase != null) {
                rule.put("helpUri", helpBase.resolve(doc).toString());
            }
            rule.putObject("help").put("text", "See " + doc + " in the MAML toolchain repository.");
            rule.putObject("defaultConfiguration").put("level", level(id.defaultSeverity()));
            ArrayNode tags = rule.putObject("properties").putArray("tags");
            id.tags().forEach(tags::add);
        }
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        for (LintedFile f : files) {
            for (Diagnostic d : f.diagnostics()) {
                ObjectNode result = results.addObject();
                result.put("ruleId", d.rule().id());
                result.put("ruleIndex", catalogue.indexOf(d.rule()));
                result.put("level", level(d.severity()));
                result.putObject("message").put("text", d.message());
                ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
                location.putObject("artifactLocation").put("uri", uriReference(f.path()));
                ObjectNode region = location.putObject("region");
                region.put("startLine", f.lines().displayLine(d.range().start()));
                region.put("startColumn", f.lines().displayColumn(d.range().start()));
                region.put("endLine", f.lines().displayLine(d.range().end()));
                region.put("endColumn", f.lines().displayColumn(d.range().end()));
            }
        }
        return root;
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, HINT -> "note";
        };
    }

    /** A file path as a relative URI reference (forward slashes, percent-encoded where needed). */
    static String uriReference(String path) {
        try {
            return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("path cannot be a URI: " + path, e);
        }
    }
}
