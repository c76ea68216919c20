package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.trust.UserConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where TrustStore.standard takes its keys from: the user's store, explicit files, and which project stores it skips. */
class TrustStoreTest {

    private static final KeyPair USER = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
    private static final KeyPair GIVEN = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());

    @TempDir
    Path dir;

    @Test
    void theUsersStoreAndGivenFilesAreTrustedAndAnUnallowedProjectStoreIsNamed() throws Exception {
        UserConfig config = new UserConfig(dir.resolve("config"));
        Files.createDirectories(config.trustedKeys());
        Files.writeString(config.trustedKeys().resolve("user.pub"), KeyFiles.encodePublic(USER.getPublic()));
        Path given = Files.writeString(dir.resolve("given.pub"), KeyFiles.encodePublic(GIVEN.getPublic()));
        Path project = Files.createDirectories(dir.resolve("project"));
        Path store = Files.createDirectories(project.resolve(".maml/trusted_keys"));
        Files.writeString(store.resolve("planted.pub"), KeyFiles.encodePublic(
                MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()).getPublic()));

        TrustStore trust = TrustStore.standard(config, project, List.of(given));
        assertTrue(trust.trusts(USER.getPublic()), "the user's own store");
        assertTrue(trust.trusts(GIVEN.getPublic()), "a file given with --trust");
        assertEquals(List.of(store.toRealPath()), trust.notAllowed().stream().map(p -> {
            try {
                return p.toRealPath();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).toList());
        assertEquals(List.of(), trust.warnings());
        assertTrue(trust.advice().startsWith("; the project trust store "), trust.advice());
    }

    @Test
    void theEnvironmentsStandardStoreTakesTheGivenFiles() throws Exception {
        Path given = Files.writeString(dir.resolve("given.pub"), KeyFiles.encodePublic(GIVEN.getPublic()));
        TrustStore trust = TrustStore.standard(null, List.of(given));
        assertTrue(trust.trusts(GIVEN.getPublic()));
        assertFalse(trust.trusts(USER.getPublic()));
        assertEquals(List.of(), trust.notAllowed(), "no document directory: no project store");
    }
}
