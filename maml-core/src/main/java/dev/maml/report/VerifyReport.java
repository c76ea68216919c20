package dev.maml.report;

import dev.maml.sign.Outcome;
import dev.maml.sign.Verification;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of `maml verify --json` (spec section 13). One rendering for every front end: the
 * command line prints it, and `POST /verify` of `maml serve` answers it, so both say the same thing.
 */
public final class VerifyReport {

    private VerifyReport() {
    }

    /** @param file the document as the caller names it (the path given, or the server's name for a posted one) */
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
