package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.io.OutsideTreeException;
import dev.maml.io.RefusedFileException;
import dev.maml.sign.Algorithm;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.MlDsa;
import dev.maml.sign.PublicKeyRef;
import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `verification.public_key` comes from the document (or the receipt): a path in it must not make
 * the verifier open a file outside the document's tree (spec 10.2a, issue 10 "PublicKeyRef with
 * absolute and .. paths").
 */
@EnabledOnOs(OS.LINUX)
class PublicKeyRefAttackTest {

    private static final KeyPair KEYS = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());

    @TempDir
    Path top;
    Path docs;
    Path outside;

    @BeforeEach
    void layout() throws IOException {
        docs = Files.createDirectories(top.resolve("docs"));
        outside = Files.createDirectories(top.resolve("outside"));
        Files.createDirectories(docs.resolve("keys"));
        Files.writeString(docs.resolve("keys/k.pub"), KeyFiles.encodePublic(KEYS.getPublic()));
        Files.writeString(outside.resolve("k.pub"), KeyFiles.encodePublic(KEYS.getPublic()));
    }

    @Test
    void aRelativePathInsideTheTreeResolves() throws IOException {
        assertArrayEquals(KEYS.getPublic().getEncoded(), PublicKeyRef.resolve("keys/k.pub", docs).getEncoded());
        assertArrayEquals(KEYS.getPublic().getEncoded(),
                PublicKeyRef.resolve("keys/../keys/./k.pub", docs).getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABSOLUTE", "../outside/k.pub", "keys/../../outside/k.pub", "/etc/passwd", "..",
            "~/.ssh/id.pub"})
    void absoluteAndEscapingPathsAreRefusedBeforeAnyRead(String ref) {
        String value = ref.equals("ABSOLUTE") ? outside.resolve("k.pub").toString() : ref;
        OutsideTreeException e = assertThrows(OutsideTreeException.class, () -> PublicKeyRef.resolve(value, docs));
        assertTrue(e.getMessage().startsWith("path outside the document's tree: public_key \""), e.getMessage());
    }

    @Test
    void aLinkInsideTheTreeThatLeadsOutIsRefused() throws IOException {
        Files.createSymbolicLink(docs.resolve("keys/linked.pub"), outside.resolve("k.pub"));
        Files.createSymbolicLink(docs.resolve("other"), outside);
        assertThrows(OutsideTreeException.class, () -> PublicKeyRef.resolve("keys/linked.pub", docs));
        assertThrows(OutsideTreeException.class, () -> PublicKeyRef.resolve("other/k.pub", docs));
    }

    @Test
    void aLinkThatStaysInsideIsFollowed() throws IOException {
        Files.createSymbolicLink(docs.resolve("current.pub"), docs.resolve("keys/k.pub"));
        assertArrayEquals(KEYS.getPublic().getEncoded(), PublicKeyRef.resolve("current.pub", docs).getEncoded());
    }

    @Test
    void aFifoInsideTheTreeIsRefusedInsteadOfBlockingTheVerifier() throws Exception {
        ChildProcesses.mkfifo(docs.resolve("keys/fifo.pub"));
        RefusedFileException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(RefusedFileException.class, () -> PublicKeyRef.resolve("keys/fifo.pub", docs)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    /** The writing side: a reference `maml sign --public-key` would write must be one that resolves. */
    @Test
    void aReferenceToAKeyOutsideTheTreeIsNeverWritten() throws IOException {
        assertEquals("keys/k.pub", PublicKeyRef.relativePath(docs, docs.resolve("keys/k.pub")));
        OutsideTreeException e = assertThrows(OutsideTreeException.class,
                () -> PublicKeyRef.relativePath(docs, outside.resolve("k.pub")));
        assertTrue(e.getMessage().contains("embed it as base64"), e.getMessage());
    }
}
