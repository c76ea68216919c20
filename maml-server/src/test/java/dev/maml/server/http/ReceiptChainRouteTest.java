package dev.maml.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.server.testing.Documents;
import dev.maml.server.testing.ServerFixture;
import dev.maml.sign.Digests;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /receipts?document=ID with the directory store (the default): the chain in order, as the files hold it. */
class ReceiptChainRouteTest extends ServerFixture {

    @Test
    void aDocumentsChainIsListedFirstReceiptFirst() throws Exception {
        start(settings());
        String document = Documents.quantum();
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> run = server.post("/execute", "text/markdown", document);
            assertEquals(200, run.statusCode(), run.body());
            answered.add(Json.MAPPER.readTree(run.body()).path("receipt").asString());
        }
        Matcher id = Pattern.compile("(?m)^id: \"(.*)\"$").matcher(document);
        assertTrue(id.find());
        HttpResponse<String> chain = server.get("/receipts?document=" + URLEncoder.encode(id.group(1), StandardCharsets.UTF_8));
        assertEquals(200, chain.statusCode(), chain.body());
        JsonNode body = Json.MAPPER.readTree(chain.body());
        assertEquals(id.group(1), body.path("document").asString());
        List<String> names = new ArrayList<>();
        String prev = null;
        for (JsonNode r : body.path("receipts")) {
            names.add(r.path("name").asString());
            String text = r.path("text").asString();
            assertEquals(Files.readString(receipts.resolve(r.path("name").asString())), text);
            assertEquals(Digests.sha3_256Hex(text.getBytes(StandardCharsets.UTF_8)), r.path("sha3_256").asString());
            assertEquals(prev != null, text.contains("prev_sha3_256: \"" + prev + "\""), "each names the one before");
            prev = r.path("sha3_256").asString();
        }
        assertEquals(answered, names, "in the order the runs wrote them");
    }

    @Test
    void noDocumentIs400AndAnUnknownOneIs404() throws Exception {
        start(settings());
        assertEquals(400, server.get("/receipts").statusCode());
        assertEquals(400, server.get("/receipts?document=").statusCode());
        assertEquals(400, server.get("/receipts?document=a&document=b").statusCode());
        HttpResponse<String> unknown = server.get("/receipts?document=urn%3Auuid%3Anone");
        assertEquals(404, unknown.statusCode());
        assertEquals("not_found", Json.MAPPER.readTree(unknown.body()).path("error").path("code").asString());
    }
}
