package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.SecurityWorkflows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit through `maml run`, `maml verify` and `maml sign`: a document in a cloned project names
 * `dataset: ../elsewhere/secret` and `keyring: /any/path` (spec 10.2a: refused, exit 3).
 */
@EnabledOnOs(OS.LINUX)
class RunConfinementCliAttackTest {

    @TempDir
    Path top;
    Path project;
    Path elsewhere;

    @BeforeEach
    void layout() throws Exception {
        project = Files.createDirectories(top.resolve("project"));
        elsewhere = Files.createDirectories(top.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("secret"), "secret\n");
        Files.writeString(project.resolve("data.csv"), "a\n1\n");
    }

    private Path document(String context) throws Exception {
        return SecurityWorkflows.write(project.resolve("w.maml.md"), "Confinement tests.", context);
    }

    @Test
    void aDatasetOutsideTheTreeIsRefusedWithExit3() throws Exception {
        Cli run = Cli.run("run", document("dataset: ../elsewhere/secret").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("run failed at step quad_aes.seal: path outside the document's tree: dataset"
                + " \"../elsewhere/secret\""), run.err());
        assertEquals(List.of(), files(".mqa"));
        assertEquals(List.of(), files(".mu"), "no receipt");
    }

    @Test
    void aKeyringAtAnAbsolutePathIsNotCreated() throws Exception {
        Path planted = elsewhere.resolve("planted.keyring");
        Cli run = Cli.run("run", document("dataset: data.csv\nkeyring: " + planted).toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("path outside the document's tree: keyring"), run.err());
        assertFalse(Files.exists(planted));
    }

    @Test
    void aSetOnTheCommandLineIsConfinedToo() throws Exception {
        Cli run = Cli.run("run", document("dataset: data.csv").toString(), "--set", "dataset=/etc/passwd");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("path outside the document's tree: dataset \"/etc/passwd\""), run.err());
    }

    /** A signed document whose public_key points outside: verify never reads it, run refuses (exit 3). */
    @Test
    void aPublicKeyOutsideTheTreeIsNeverRead() throws Exception {
        Path doc = document("purpose: tests");
        assertEquals(0, Cli.run("keygen", "--out", project.resolve("k").toString()).exitCode());
        assertEquals(0, Cli.run("sign", doc.toString(), "--key", project.resolve("k.key").toString()).exitCode());
        Files.move(project.resolve("k.pub"), elsewhere.resolve("k.pub"));
        String text = Files.readString(doc).replace("public_key: \"k.pub\"", "public_key: \"../elsewhere/k.pub\"");
        assertTrue(text.contains("../elsewhere/k.pub"), text);
        Files.writeString(doc, text);

        Cli verify = Cli.run("verify", doc.toString());
        assertEquals(1, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("malformed: cannot read the public key: path outside the document's tree"),
                verify.out());
        Cli run = Cli.run("run", doc.toString(), "--allow-untrusted");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("path outside the document's tree: public_key"), run.err());
    }

    @Test
    void signingNeverWritesAReferenceThatWouldLeaveTheTree() throws Exception {
        Path doc = document("purpose: tests");
        assertEquals(0, Cli.run("keygen", "--out", elsewhere.resolve("k").toString()).exitCode());
        String before = Files.readString(doc);
        Cli sign = Cli.run("sign", doc.toString(), "--key", elsewhere.resolve("k.key").toString(),
                "--public-key", elsewhere.resolve("k.pub").toString());
        sign.failsWith(2, "path outside the document's tree: public key");
        assertEquals(before, Files.readString(doc), "the document is unchanged");
    }

    private List<Path> files(String suffix) throws Exception {
        try (Stream<Path> files = Stream.concat(Files.list(project), Files.list(elsewhere))) {
            return files.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
