package dev.maml.report;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.RulePages;
import dev.maml.diagnostic.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * `maml lint --format sarif`: one SARIF 2.1.0 run. Every rule of the catalogue is listed in
 * {@code tool.driver.rules} (so {@code ruleIndex} is stable across runs), results carry 1-based
 * lines and code-point columns ({@code columnKind: unicodeCodePoints}; end column exclusive, as in
 * SARIF), artifact URIs are the printed paths ({@link #uriReference}). Checked by the official SARIF
 * Multitool's GitHub and SARIF rules (SarifMultitoolTest in maml-cli).
 */
public final class SarifReport {

    /** Where rule documentation lives: {@code docs/rules/ID.md} relative to the repository root. */
    public static final String RULE_DOCS = "docs/rules/";

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    /**
     * @param helpBase where the repository's files are published, ending in "/" (the project's
     *                 home, {@code Build.HOME}, or MAML_DOCS_URL). SARIF requires {@code helpUri} to be
     *                 an absolute URI (the official schema's format check refuses a relative one), and
     *                 GitHub code scanning wants every rule described: each rule gets
     *                 {@code fullDescription} (the first paragraph of its page), {@code helpUri =
     *                 helpBase + "docs/rules/ID.md"} and its whole page as {@code help.markdown} (what code scanning
     *                 shows beside an alert).
     */
    public static ObjectNode of(List<LintedFile> files, String toolVersion, URI helpBase) {
        if (!helpBase.isAbsolute()) {
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
        driver.put("informationUri", helpBase.toString());
        ArrayNode rules = driver.putArray("rules");
        for (RuleId id : catalogue) {
            ObjectNode rule = rules.addObject();
            rule.put("id", id.id());
            rule.put("name", id.alias());
            rule.putObject("shortDescription").put("text", id.title());
            rule.putObject("fullDescription").put("text", RulePages.description(id));
            String helpUri = helpBase.resolve(RULE_DOCS + id.id() + ".md").toString();
            rule.put("helpUri", helpUri);
            rule.putObject("help").put("text", "See " + helpUri).put("markdown", RulePages.page(id));
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

    /**
     * A printed path as an artifact URI: a relative path as a relative URI reference (forward
     * slashes, percent-encoded where needed); an absolute one as a {@code file:} URI, because a
     * reference starting with "/" would not combine with a {@code uriBaseId} (SARIF1004).
     */
    static String uriReference(String path) {
        Path absolute = absolute(path);
        if (absolute != null) {
            return absolute.toUri().toASCIIString();
        }
        try {
            return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("path cannot be a URI: " + path, e);
        }
    }

    private static Path absolute(String path) {
        try {
            Path p = Path.of(path);
            return p.isAbsolute() ? p : null;
        } catch (InvalidPathException e) {
            return null; // "<stdin>" on Windows: not a path, so not an absolute one
        }
    }
}
