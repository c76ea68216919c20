package dev.maml.server.mcp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a reverse proxy the public name is accepted; a rebinding attacker's name still is not. */
class RebindingProtectionTest {

    static final URI PUBLIC = URI.create("https://maml.example.com");

    final DefaultServerTransportSecurityValidator validator =
            RebindingProtection.validator(RebindingProtection.hostsOf(PUBLIC), RebindingProtection.originsOf(PUBLIC));

    @Test
    void thePublicNameIsAcceptedAsHostAndOrigin() {
        assertDoesNotThrow(() -> validator.validateHeaders(headers("maml.example.com", "https://maml.example.com")));
        assertDoesNotThrow(() -> validator.validateHeaders(headers("127.0.0.1:8080", null)));
    }

    @Test
    void anotherNameOrAnotherSchemeOrPortIsStillRefused() {
        for (Map<String, List<String>> attack : List.of(headers("rebind.evil.example", null),
                headers("maml.example.com.evil.example", null), headers("maml.example.com:8443", null),
                headers("maml.example.com", "http://maml.example.com"), headers("maml.example.com", "https://evil.example"))) {
            assertThrows(ServerTransportSecurityException.class, () -> validator.validateHeaders(attack), attack.toString());
        }
    }

    @Test
    void anExplicitPortIsPartOfTheName() {
        URI withPort = URI.create("http://gateway.internal:8443/");
        assertEquals(List.of("gateway.internal:8443"), RebindingProtection.hostsOf(withPort));
        assertEquals(List.of("http://gateway.internal:8443"), RebindingProtection.originsOf(withPort));
        assertEquals(List.of(), RebindingProtection.hostsOf(null));
    }

    private static Map<String, List<String>> headers(String host, String origin) {
        return origin == null ? Map.of("Host", List.of(host)) : Map.of("Host", List.of(host), "Origin", List.of(origin));
    }
}
