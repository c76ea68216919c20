package dev.maml.server.mcp;

import dev.maml.lint.LintResult;
import dev.maml.model.MamlDocument;
import dev.maml.report.Json;
import dev.maml.report.LintReport;
import dev.maml.report.LintedFile;
import dev.maml.report.ParseReport;
import dev.maml.report.VerifyReport;
import dev.maml.server.mcp.DocumentInput.Document;
import dev.maml.sign.Verification;
import dev.maml.toolchain.Fixed;
import dev.maml.toolchain.Formatted;
import dev.maml.toolchain.LintOutcome;
import dev.maml.toolchain.Resolution;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Toolchain;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** lint, fix, format, parse and verify: the toolchain's checks, with the JSON the command line prints. */
final class DocumentTools {

    private final Engine engine;

    DocumentTools(Engine engine) {
        this.engine = engine;
    }

    CallToolResult lint(Map<String, Object> args) throws ToolException, IOException {
        Document doc = document(args);
        LintOutcome outcome = engine.toolchain().lint(doc.source(), engine.session());
        LintResult result = linted(outcome.result(), outcome.ignored(), outcome.configError(), doc);
        ObjectNode report = LintReport.json(List.of(LintedFile.of(doc.display(), result)));
        return ToolResults.ok(report, summary(doc.display(), report));
    }

    /**
     * Ruff's semantics, as `maml lint --fix`: only safe fixes unless the caller asks for unsafe ones
     * ({@code unsafe_fixes: true}); an agent calling the tool may not look at what a fix invents or
     * which signature it breaks.
     */
    CallToolResult fix(Map<String, Object> args) throws ToolException, IOException {
        boolean unsafe = unsafeFixes(args);
        Document doc = document(args);
        Fixed fixed = engine.toolchain().fix(doc.source(), engine.session(), unsafe);
        if (fixed.notUtf8()) {
            throw new ToolException(doc.display() + ": not valid UTF-8; nothing fixed");
        }
        LintResult remaining = linted(fixed.outcome() == null ? null : fixed.outcome().remaining(), fixed.ignored(),
                fixed.resolution() instanceof Resolution.BrokenConfig b ? b.message() : null, doc);
        ObjectNode report = LintReport.json(List.of(LintedFile.of(doc.display(), remaining)));
        long unsafeLeft = fixed.outcome().unsafeLeft();
        ObjectNode json = Json.object().put("text", fixed.outcome().text()).put("fixes", fixed.outcome().fixes())
                .put("unsafe_left", unsafeLeft)
                .put("changed", !fixed.outcome().text().equals(doc.source().text()))
                .put("resign", fixed.brokeSignature());
        json.set("remaining", report);
        return ToolResults.ok(json, fixed.outcome().fixes() + " fix(es) applied; " + summary(doc.display(), report)
                + (fixed.brokeSignature() ? "; the signed bytes changed: sign it again" : "")
                + (unsafeLeft > 0 && !unsafe ? "; " + unsafeLeft + " unsafe fix(es) not applied (unsafe_fixes: true"
                        + " applies them)" : ""));
    }

    private static boolean unsafeFixes(Map<String, Object> args) throws ToolException {
        Object value = args.getOrDefault("unsafe_fixes", false);
        if (!(value instanceof Boolean unsafe)) {
            throw new ToolException("unsafe_fixes must be true or false");
        }
        return unsafe;
    }

    CallToolResult format(Map<String, Object> args) throws ToolException, IOException {
        Document doc = document(args);
        Formatted formatted = engine.toolchain().format(doc.source());
        if (formatted.text() == null) {
            throw new ToolException(doc.display() + ": not valid UTF-8; left unchanged");
        }
        ObjectNode json = Json.object().put("text", formatted.text()).put("changed", formatted.changed())
                .put("signed", formatted.signed());
        return ToolResults.ok(json, doc.display() + (formatted.changed() ? ": reformatted" : ": already formatted")
                + (formatted.changed() && formatted.signed() ? "; the signed bytes changed: sign it again" : ""));
    }

    CallToolResult parse(Map<String, Object> args) throws ToolException, IOException {
        Document doc = document(args);
        MamlDocument parsed = engine.toolchain().parse(doc.source());
        return ToolResults.ok(ParseReport.json(doc.display(), parsed), ParseReport.text(doc.display(), parsed));
    }

    CallToolResult verify(Map<String, Object> args) throws ToolException, IOException {
        Document doc = document(args);
        Verification v = engine.toolchain().verify(doc.source(), engine.session()).verification();
        return ToolResults.ok(VerifyReport.json(doc.display(), v), doc.display() + ": " + v.outcome().label() + ": " + v.reason());
    }

    private Document document(Map<String, Object> args) throws ToolException, IOException {
        return engine.input().require(args, "document", "path");
    }

    /** The findings, or why the document was not linted (its config ignores it, or is broken). */
    private static LintResult linted(@Nullable LintResult result, boolean ignored, @Nullable String configError,
                                     Document doc)
            throws ToolException {
        if (configError != null) {
            throw new ToolException(configError);
        }
        if (ignored || result == null) {
            throw new ToolException(doc.display() + ": its lint config ignores it");
        }
        return result;
    }

    private static String summary(String display, ObjectNode report) {
        ObjectNode s = (ObjectNode) report.get("summary");
        return display + ": " + s.get("errors").asLong() + " error(s), " + s.get("warnings").asLong() + " warning(s), "
                + report.get("files").get(0).get("diagnostics").size() + " finding(s) in all";
    }
}
