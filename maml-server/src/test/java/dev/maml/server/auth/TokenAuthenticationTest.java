package dev.maml.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.run.Identity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --auth none and tokens: the tokens file, bearer parsing, and the one factory every front end uses. */
class TokenAuthenticationTest {

    @TempDir
    Path dir;

    private Path tokens(String yaml) throws IOException {
        return Files.writeString(dir.resolve("tokens.yaml"), yaml);
    }

    private static AuthOptions tokensMode(Path file) {
        return new AuthOptions(AuthMode.TOKENS, file, null, Set.of(), AuthOptions.DEFAULT_IDENTITY_CLAIM);
    }

    @Test
    void aListedTokenIsItsIdentityAndOnlyItsDigestIsStored() throws Exception {
        Path file = tokens("tokens:\n"
                + "  - sha256: " + TokenAuthenticator.sha256Hex("alpha") + "\n    identity: agent://drone-1\n"
                + "  - sha256: " + TokenAuthenticator.sha256Hex("beta").toUpperCase() + "\n    identity: gateway://head-4\n");
        Authenticator auth = Authenticators.create(tokensMode(file));
        assertEquals(Identity.parse("agent://drone-1").orElseThrow(), auth.authenticate("Bearer alpha"));
        assertEquals(Identity.parse("gateway://head-4").orElseThrow(), auth.authenticate("bearer beta"));
        assertTrue(!Files.readString(file).contains("alpha"));
        assertEquals("invalid_token", assertThrows(Unauthorized.class, () -> auth.authenticate("Bearer gamma")).errorCode());
        assertNull(assertThrows(Unauthorized.class, () -> auth.authenticate("Basic YWxwaGE=")).errorCode(),
                "another scheme is no bearer credentials at all");
        assertEquals("invalid_request", assertThrows(Unauthorized.class, () -> auth.authenticate("Bearer ")).errorCode());
        assertNull(assertThrows(Unauthorized.class, () -> auth.authenticate(null)).errorCode(),
                "RFC 6750 3.1: no error code when no credentials were sent");
    }

    @Test
    void malformedTokensFilesRefuseToStart() throws Exception {
        String digest = TokenAuthenticator.sha256Hex("alpha");
        String[][] cases = {
                {"", "expected 'tokens:'"},
                {"tokens: []\n", "expected 'tokens:'"},
                {"tokens: [1, 2\n", "not YAML"},
                {"tokens:\n  - sha256: xyz\n    identity: agent://a\n", "sha256 must be 64 hex digits"},
                {"tokens:\n  - identity: agent://a\n", "sha256 must be 64 hex digits"},
                {"tokens:\n  - sha256: " + digest + "\n    identity: agent://*\n", "identity must be"},
                {"tokens:\n  - sha256: " + digest + "\n    identity: bob\n", "identity must be"},
                {"tokens:\n  - sha256: " + digest + "\n    identity: agent://a\n  - sha256: " + digest
                        + "\n    identity: agent://b\n", "listed twice"},
        };
        for (String[] c : cases) {
            IOException e = assertThrows(IOException.class, () -> Authenticators.create(tokensMode(tokens(c[0]))), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().startsWith(dir.resolve("tokens.yaml").toString()), e.getMessage());
        }
        assertTrue(assertThrows(IOException.class, () -> Authenticators.create(tokensMode(dir))).getMessage()
                .contains("no such file"));
        Files.write(dir.resolve("tokens.yaml"), new byte[] {'t', (byte) 0xFF, ':'});
        assertTrue(assertThrows(IOException.class, () -> Authenticators.create(tokensMode(dir.resolve("tokens.yaml"))))
                .getMessage().contains("not UTF-8"));
        assertTrue(assertThrows(IOException.class, () -> Authenticators.create(tokensMode(null))).getMessage()
                .contains("--tokens FILE"));
    }

    @Test
    void noneIsAgentLocalAndAnOidcIssuerThatCannotBeReachedRefusesToStart() throws Exception {
        Authenticator none = Authenticators.create(new AuthOptions(AuthMode.NONE, null, null, Set.of(), "client_id"));
        assertInstanceOf(NoAuthentication.class, none);
        assertEquals(Identity.LOCAL, none.authenticate(null));
        assertEquals(Identity.LOCAL, none.authenticate("Bearer whatever"));
        // Refused today (no verifier yet); once OIDC is wired in, refused because nothing answers discovery there.
        assertThrows(IOException.class, () -> Authenticators.create(new AuthOptions(AuthMode.OIDC, null,
                URI.create("http://127.0.0.1:1"), Set.of(), "client_id")));
        assertTrue(assertThrows(IOException.class, () -> Authenticators.create(new AuthOptions(AuthMode.OIDC, null, null,
                Set.of(), "client_id"))).getMessage().contains("--issuer"));
        assertEquals(AuthMode.TOKENS, AuthMode.parse("tokens"));
        assertThrows(IllegalArgumentException.class, () -> AuthMode.parse("TOKENS"));
    }
}
