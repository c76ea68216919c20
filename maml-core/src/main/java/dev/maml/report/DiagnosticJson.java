package dev.maml.report;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.model.LineIndex;
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
        return node;
    }
}
