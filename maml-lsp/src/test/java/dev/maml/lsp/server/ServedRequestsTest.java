package dev.maml.lsp.server;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.junit.jupiter.api.Test;

class ServedRequestsTest {

    /** A served method that fails this way is a bug to report as one (-32603), not a missing method. */
    @Test
    void anUnsupportedOperationFromTheServersOwnCodeIsNotMethodNotFound() {
        ServedRequests endpoint = new ServedRequests(new Endpoint() {
            @Override
            public CompletableFuture<?> request(String method, Object parameter) {
                List.of().add("x");
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void notify(String method, Object parameter) {
            }
        });
        assertThrows(UnsupportedOperationException.class, () -> endpoint.request("textDocument/hover", null));
    }
}
