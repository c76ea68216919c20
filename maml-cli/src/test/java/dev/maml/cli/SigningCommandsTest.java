package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.DamagedKeys;
import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen, sign, verify and receipt through the real command line, on real files. */
class SigningCommandsTest {

    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private Path document() throws Exception {
        Path doc = dir.resolve("drone.maml.md");
        Files.copy(TestData.example(), doc);
        return doc;
    }

    private void keygen(String prefix) {
        CliRun run = CliRun.of("keygen", "--out", p(prefix));
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void walkthroughKeygenSignVerifyTamperReceipt() throws Exception {
        Path doc = document();
        CliRun keygen = CliRun.of("keygen", "--out", p("alice"));
        assertEquals(0, keygen.exitCode(), keygen.err());
        assertTrue(keygen.out().contains("Key id:      ") && keygen.out().contains("(ML-DSA-65)"), keygen.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("alice.key"))));
        assertFalse(keygen.out().contains("PRIVATE") || keygen.err().contains("PRIVATE"), "no key material printed");

        CliRun sign = CliRun.of("sign", doc.toString(), "--key", p("alice.key"));
        assertEquals(0, sign.exitCode(), sign.err());
        assertTrue(Files.readString(doc).contains("public_key: \"alice.pub\""));

        CliRun untrusted = CliRun.of("verify", doc.toString());
        assertEquals(3, untrusted.exitCode(), untrusted.out());
        assertTrue(untrusted.out().contains(": valid-untrusted: "), untrusted.out());
        CliRun trusted = CliRun.of("verify", doc.toString(), "--trust", p("alice.pub"));
        assertEquals(0, trusted.exitCode(), trusted.out());

        Files.createDirectories(dir.resolve(".maml/trusted_keys"));
        Files.copy(dir.resolve("alice.pub"), dir.resolve(".maml/trusted_keys/alice.pub"));
        CliRun planted = CliRun.of("verify", doc.toString());
        assertEquals(3, planted.exitCode(), "a project store is not trusted by being there");
        assertTrue(planted.err().contains("is not allowed (review its keys, then: maml trust allow "), planted.err());
        assertEquals(0, CliRun.of("trust", "allow", dir.toString()).exitCode());
        assertEquals(0, CliRun.of("verify", doc.toString()).exitCode(), "the allowed project store found upward");

        CliRun json = CliRun.of("verify", doc.toString(), "--json");
        assertTrue(json.out().contains("\"outcome\" : \"valid\""), json.out());
        assertTrue(json.out().contains("\"method\" : \"ml-dsa-65\""), json.out());

        Files.writeString(doc, Files.readString(doc).replace("Secure drone", "Secure Drone"));
        CliRun tampered = CliRun.of("verify", doc.toString());
        assertEquals(1, tampered.exitCode());
        assertTrue(tampered.out().contains(": invalid: "), tampered.out());
        Files.writeString(doc, Files.readString(doc).replace("Secure Drone", "Secure drone"));

        CliRun create = CliRun.of("receipt", "create", doc.toString(), "--key", p("alice.key"));
        assertEquals(0, create.exitCode(), create.err());
        CliRun check = CliRun.of("receipt", "verify", p("drone.mu"), "--source", doc.toString());
        assertEquals(0, check.exitCode(), check.out());
        assertTrue(check.out().contains("valid (signed by key"), check.out());
        assertEquals(0, CliRun.of("receipt", "create", doc.toString(), "--key", p("alice.key")).exitCode());
        CliRun chain = CliRun.of("receipt", "verify", "--chain", dir.toString());
        assertEquals(0, chain.exitCode(), chain.out());
        assertTrue(chain.out().contains("2 receipt(s), intact"), chain.out());

        Files.writeString(doc, Files.readString(doc) + " ");
        assertEquals(1, CliRun.of("receipt", "verify", p("drone.mu"), "--source", doc.toString()).exitCode());
        Files.writeString(dir.resolve("drone.mu"), Files.readString(dir.resolve("drone.mu")).replace("2026", "2027"));
        CliRun broken = CliRun.of("receipt", "verify", "--chain", dir.toString());
        assertEquals(1, broken.exitCode());
        assertTrue(broken.out().contains("broken at"), broken.out());
    }

    @Test
    void unsignedDocumentIsExitOne() throws Exception {
        CliRun run = CliRun.of("verify", document().toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains(": unsigned: "), run.out());
    }

    @Test
    void keyProblemsAreOneLineAndExitTwo() throws Exception {
        Path doc = document();
        keygen("k");
        String before = Files.readString(doc);

        CliRun withPublic = CliRun.of("sign", doc.toString(), "--key", p("k.pub"));
        assertEquals(2, withPublic.exitCode());
        assertEquals("maml: " + p("k.pub") + ": is a public key; signing needs the private key (.key)", withPublic.err().strip());

        Files.setPosixFilePermissions(dir.resolve("k.key"), PosixFilePermissions.fromString("rw-r--r--"));
        CliRun open = CliRun.of("sign", doc.toString(), "--key", p("k.key"));
        assertEquals(2, open.exitCode());
        assertTrue(open.err().contains("are too open") && open.err().contains("chmod 600"), open.err());
        Files.setPosixFilePermissions(dir.resolve("k.key"), PosixFilePermissions.fromString("rw-------"));

        Files.writeString(dir.resolve("corrupt.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(dir.resolve("corrupt.key"), PosixFilePermissions.fromString("rw-------"));
        CliRun corrupt = CliRun.of("sign", doc.toString(), "--key", p("corrupt.key"));
        assertEquals(2, corrupt.exitCode());
        assertTrue(corrupt.err().contains("corrupt"), corrupt.err());

        Files.writeString(dir.resolve("text.key"), "hello");
        CliRun notPem = CliRun.of("sign", doc.toString(), "--key", p("text.key"));
        assertEquals(2, notPem.exitCode());
        assertTrue(notPem.err().contains("not a PEM key file"), notPem.err());

        // An RSA key (from the JDK) is named as such.
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Files.writeString(dir.resolve("rsa.key"), "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(dir.resolve("rsa.key"), PosixFilePermissions.fromString("rw-------"));
        CliRun wrongType = CliRun.of("sign", doc.toString(), "--key", p("rsa.key"));
        assertEquals("maml: " + p("rsa.key") + ": is an RSA key, not an ML-DSA key", wrongType.err().strip());

        CliRun trustPrivate = CliRun.of("verify", doc.toString(), "--trust", p("k.key"));
        assertEquals(2, trustPrivate.exitCode());
        assertTrue(trustPrivate.err().contains("is a private key"), trustPrivate.err());

        CliRun missing = CliRun.of("sign", doc.toString(), "--key", p("none.key"));
        assertEquals(2, missing.exitCode());
        assertEquals("maml: " + p("none.key") + ": no such file", missing.err().strip());

        for (CliRun r : new CliRun[] {withPublic, open, corrupt, notPem, wrongType, trustPrivate, missing}) {
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
        assertEquals(before, Files.readString(doc), "a failed signing leaves the document as it was");
    }

    @Test
    void aKeyThatSignsInvalidSignaturesChangesNothing() throws Exception {
        Path doc = document();
        String before = Files.readString(doc);
        Files.writeString(dir.resolve("damaged.key"), DamagedKeys.pem());
        Files.setPosixFilePermissions(dir.resolve("damaged.key"), PosixFilePermissions.fromString("rw-------"));

        CliRun damaged = CliRun.of("sign", doc.toString(), "--key", p("damaged.key"));

        assertEquals(2, damaged.exitCode());
        assertEquals(1, damaged.err().strip().lines().count(), damaged.err());
        assertTrue(damaged.err().startsWith("maml: " + doc + ": cannot sign: the new signature does not verify"), damaged.err());
        assertEquals(before, Files.readString(doc), "nothing is written");
    }

    @Test
    void keygenRefusesToOverwriteAndUnknownAlgorithms() {
        keygen("k");
        CliRun again = CliRun.of("keygen", "--out", p("k"));
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals(0, CliRun.of("keygen", "--out", p("k"), "--force", "--alg", "dilithium2").exitCode());
        CliRun bad = CliRun.of("keygen", "--out", p("z"), "--alg", "rsa");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("unknown algorithm"), bad.err());
        CliRun noDir = CliRun.of("keygen", "--out", p("no/such/dir/k"));
        assertEquals(2, noDir.exitCode());
        assertTrue(noDir.err().contains("no such directory"), noDir.err());
    }

    @Test
    void eachParameterSetSignsAndVerifies() throws Exception {
        Path doc = document();
        for (String alg : new String[] {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"}) {
            assertEquals(0, CliRun.of("keygen", "--alg", alg, "--out", p(alg), "--force").exitCode());
            assertEquals(0, CliRun.of("sign", doc.toString(), "--key", p(alg + ".key")).exitCode());
            CliRun v = CliRun.of("verify", doc.toString(), "--trust", p(alg + ".pub"), "--json");
            assertEquals(0, v.exitCode(), v.out());
            assertTrue(v.out().contains("\"method\" : \"" + alg.toLowerCase() + "\""), v.out());
        }
    }

    @Test
    void receiptUsageErrors() throws Exception {
        Path doc = document();
        keygen("a");
        keygen("b");
        CliRun mismatch = CliRun.of("receipt", "create", doc.toString(), "--key", p("a.key"), "--public-key", p("b.pub"));
        assertEquals(2, mismatch.exitCode());
        assertTrue(mismatch.err().contains("is not the public key of"), mismatch.err());
        CliRun withPub = CliRun.of("receipt", "create", doc.toString(), "--key", p("a.key"), "--public-key", p("a.pub"));
        assertEquals(0, withPub.exitCode(), withPub.err());
        assertTrue(Files.readString(dir.resolve("drone.mu")).contains("public_key: \"a.pub\"}"));
        assertEquals(2, CliRun.of("receipt").exitCode());
        assertEquals(2, CliRun.of("receipt", "verify").exitCode());
        assertEquals(2, CliRun.of("receipt", "create", p("missing.maml.md")).exitCode());
        CliRun legacy = CliRun.of("receipt", "verify", TestData.corpus().resolve("DEPIN__page_5__ex1.mu").toString());
        assertEquals(1, legacy.exitCode(), legacy.out());
    }
}
