package dev.maml.report;

import dev.maml.sign.Outcome;
import dev.maml.sign.Verification;
import tools.jackson.databind.node.ObjectNode;

/** What `maml verify --json` prints, and the MCP tool `verify` returns: one signature check as JSON. */
public final class VerifyReport {

    private VerifyReport() {
    }

    /** {@code file}, {@code outcome} (spec 8's label), {@code valid}, {@code trusted}, {@code method}, {@code key_id}, {@code reason}. */
    public static ObjectNode json(String file, Verification v) {
        ObjectNode node = Json.object();
        node.put("file", file);
        node.put("outcome", v.outcome().label());
        node.put("valid", v.outcome().signatureValid());
        node.put("trusted", v.outcome() == Outcome.VALID);
        node.put("method", v.algorithm() == null ? null : v.algorithm().id());
        node.put("key_id", v.keyId());
        node.put("reason", v.reason());
        return node;
    }
}
