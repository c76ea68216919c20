package dev.maml.server.http;

import dev.maml.receipt.ReceiptStore;
import dev.maml.report.Json;
import dev.maml.run.Identity;
import dev.maml.sign.Digests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /receipts?document=ID: one document's receipt chain, first receipt first, as
 * {@code {"document": ID, "receipts": [{"name", "sha3_256", "text"}…]}}. Writing each text to a
 * file of its name gives a directory that `maml receipt verify --chain DIR` checks; the server
 * checks nothing itself (a client that trusts the server's word need not verify at all). The
 * whole chain is one answer: no paging yet. The chain holds the document's text, so the caller must
 * be allowed to read every receipt in it, as for GET /receipts/{name} ({@link ReceiptReaders}).
 */
final class ReceiptChainRoute extends Route {

    private static final long serialVersionUID = 1L;

    private final transient ReceiptStore receipts;

    ReceiptChainRoute(ReceiptStore receipts) {
        super("GET");
        this.receipts = receipts;
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ApiError, IOException {
        String[] documents = request.getParameterValues("document");
        if (documents == null || documents.length != 1 || documents[0].isEmpty()) {
            throw new ApiError(400, "bad_document", "give one document id: GET /receipts?document=ID");
        }
        String document = documents[0];
        List<ReceiptStore.Stored> chain = receipts.chain(document);
        if (chain.isEmpty()) {
            throw new ApiError(404, "not_found", "no receipts of document '" + document + "'");
        }
        Identity who = (Identity) request.getAttribute(AuthFilter.IDENTITY);
        for (ReceiptStore.Stored r : chain) {
            ReceiptReaders.check(r.text(), r.name(), who);
        }
        ObjectNode answer = Json.MAPPER.createObjectNode().put("document", document);
        ArrayNode list = answer.putArray("receipts");
        for (ReceiptStore.Stored r : chain) {
            list.addObject().put("name", r.name()).put("sha3_256", Digests.sha3_256Hex(r.text()))
                    .put("text", new String(r.text(), StandardCharsets.UTF_8));
        }
        json(response, 200, answer);
    }
}
