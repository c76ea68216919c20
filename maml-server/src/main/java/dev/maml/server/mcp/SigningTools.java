package dev.maml.server.mcp;

import dev.maml.receipt.ReceiptFinding;
import dev.maml.receipt.ReceiptVerification;
import dev.maml.io.PrivateDirectory;
import dev.maml.report.Json;
import dev.maml.server.mcp.DocumentInput.Document;
import dev.maml.sign.SigningException;
import dev.maml.toolchain.ReceiptDraft;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Signed;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * sign, receipt_create and receipt_verify. Signing uses the server's own key (the session's
 * identity): a private key never travels over MCP. Nothing is written: the signed text and the
 * receipt come back to the caller.
 */
final class SigningTools {

    private final Engine engine;

    SigningTools(Engine engine) {
        this.engine = engine;
    }

    CallToolResult sign(Map<String, Object> args) throws ToolException, IOException, SigningException {
        Document doc = engine.input().require(args, "document", "path");
        Signed signed = engine.toolchain().sign(doc.source(), engine.session());
        return ToolResults.ok(Json.object().put("text", signed.text()).put("key_id", signed.keyId()),
                "signed " + doc.display() + " with key " + signed.keyId());
    }

    CallToolResult receiptCreate(Map<String, Object> args) throws ToolException, IOException, SigningException {
        Document doc = engine.input().require(args, "document", "path");
        if (doc.file() != null) {
            return draft(doc.source(), doc.display());
        }
        // A receipt names its source file: text gets one in an empty private directory (so no chain).
        try (PrivateDirectory dir = PrivateDirectory.create("maml-mcp-")) {
            Path file = dir.path().resolve(Path.of(doc.display()).getFileName());
            return draft(Source.of(doc.source().text(), file, doc.source().kind()), doc.display());
        }
    }

    private CallToolResult draft(Source source, String display) throws IOException, SigningException {
        ReceiptDraft draft = engine.toolchain().receiptCreate(source, null, engine.session());
        ReceiptVerification check = draft.check();
        String name = draft.file().getFileName().toString();
        ObjectNode json = Json.object().put("file", name).put("text", draft.text()).put("valid", check.valid())
                .put("signed", check.signed()).put("key_id", check.keyId());
        return ToolResults.ok(json, "receipt " + name + " of " + display + (check.signed() ? ", signed by key "
                + check.keyId() : ", unsigned"));
    }

    CallToolResult receiptVerify(Map<String, Object> args) throws ToolException, IOException {
        Document receipt = engine.input().require(args, "receipt", "receipt_path");
        Document source = engine.input().optional(args, "document", "path");
        ReceiptVerification v = engine.toolchain()
                .receiptVerify(receipt.source(), source == null ? null : source.source(), engine.session()).verification();
        ObjectNode json = Json.object().put("valid", v.valid()).put("signed", v.signed()).put("trusted", v.trusted())
                .put("key_id", v.keyId()).put("source_id", v.sourceId());
        ArrayNode findings = json.putArray("findings");
        for (ReceiptFinding f : v.findings()) {
            findings.addObject().put("kind", f.kind().name().toLowerCase(Locale.ROOT)).put("message", f.message())
                    .put("fails", f.fails());
        }
        String text = v.valid() ? "valid (" + (v.signed() ? "signed by key " + v.keyId() + (v.trusted() ? ", trusted" : ", untrusted")
                : "unsigned: the digest shows accidents, not forgery") + ")" : "invalid: " + v.firstProblem();
        return ToolResults.ok(json, receipt.display() + ": " + text);
    }
}
