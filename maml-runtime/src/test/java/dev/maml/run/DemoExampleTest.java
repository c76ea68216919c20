package dev.maml.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.sign.Outcome;
import dev.maml.sign.TrustStore;
import dev.maml.sign.Verification;
import dev.maml.testing.TestData;
import dev.maml.trust.UserConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed demo document is signed by the committed demo key: editing it without signing it
 * again (examples/demo/README.md says how) fails the build here, not in a user's first `maml run`.
 */
class DemoExampleTest {

    private static final Path DEMO = TestData.repositoryRoot().resolve("examples/demo");

    @Test
    void theDemoDocumentIsValidlySignedByTheCommittedPublicKey() throws Exception {
        Path pub = DEMO.resolve("keys/demo-only-drone-security.pub");
        Verification v = DocumentVerifier.verify(Files.readAllBytes(DEMO.resolve("drone_communication.maml.md")), DEMO,
                TrustStore.of(List.of(), List.of(pub)));
        assertEquals(Outcome.VALID, v.outcome(), v.reason());
        assertEquals(KeyId.of(KeyFiles.readPublic(pub)), v.keyId());
    }

    @Test
    void onAFreshCloneTheDemosOwnStoreDoesNotVouchForIt(@TempDir Path home) throws Exception {
        TrustStore fresh = TrustStore.standard(new UserConfig(home), DEMO, List.of());
        Verification v = DocumentVerifier.verify(Files.readAllBytes(DEMO.resolve("drone_communication.maml.md")), DEMO, fresh);
        assertEquals(Outcome.VALID_UNTRUSTED, v.outcome(), "trust needs --trust or maml trust allow examples/demo");
        assertTrue(fresh.advice().contains("maml trust allow"), fresh.advice());
    }

    @Test
    void theTrustStoreCopyIsTheSameKey() throws Exception {
        assertEquals(Files.readString(DEMO.resolve("keys/demo-only-drone-security.pub")),
                Files.readString(DEMO.resolve(".maml/trusted_keys/demo-only-drone-security.pub")));
    }
}
