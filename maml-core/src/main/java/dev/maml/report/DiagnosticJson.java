package dev.maml.report;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.TextEdit;
import dev.maml.model.LineIndex;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A diagnostic as the JSON outputs of `maml parse` and `maml lint` write it (spec section 13). */
public final class DiagnosticJson {

    private DiagnosticJson() {
    }

    public static ObjectNode of(Diagnostic d, LineIndex lines) {
        ObjectNode node = Json.object();
        node.put("rule", d.rule().id());
        node.put("alias", d.rule().alias());
        node.put("severity", d.severity().label());
        node.put("message", d.message());
        Locations.region(node, lines, d.range());
        node.put("fixable", d.fix() != null);
        if (d.fix() != null) {
            node.set("fix", fix(d.fix(), lines));
        }
        return node;
    }

    /**
     * The fix as a tool that applies it itself needs it (ESLint's and Ruff's JSON carry theirs): its
     * title, whether `maml lint --fix` applies it without --unsafe-fixes ({@code applicability}, as
     * Ruff's), and each edit's range, in the lines and columns of the findings, with the replacement text.
     */
    private static ObjectNode fix(Fix fix, LineIndex lines) {
        ObjectNode node = Json.object();
        node.put("title", fix.title());
        node.put("applicability", fix.applicability().label());
        ArrayNode edits = node.putArray("edits");
        for (TextEdit e : fix.edits()) {
            Locations.region(edits.addObject(), lines, e.range()).put("text", e.newText());
        }
        return node;
    }
}
