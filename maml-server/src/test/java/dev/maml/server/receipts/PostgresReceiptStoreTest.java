package dev.maml.server.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.receipt.ReceiptChain;
import dev.maml.receipt.ReceiptStore;
import dev.maml.receipt.ReceiptVerifier;
import dev.maml.receipt.Receipts;
import dev.maml.server.testing.Documents;
import dev.maml.server.testing.PostgresFixture;
import dev.maml.sign.Algorithm;
import dev.maml.sign.Digests;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.MlDsa;
import dev.maml.sign.TrustStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL receipt store against a real PostgreSQL ({@link PostgresFixture}): appends from
 * threads and from two stores (as two replicas) make one unbroken chain per document, the schema
 * migrates once and again without change, and a database it cannot use is a clear error that never
 * shows the password.
 */
class PostgresReceiptStoreTest {

    private static final Pattern PREV = Pattern.compile("(?m)^prev_sha3_256: \"([0-9a-f]{64})\"$");

    private static PostgresFixture postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresFixture.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static PostgresReceiptStore open(String url) throws IOException {
        return PostgresReceiptStore.open(DatabaseUrl.parse(url, Map.of("PGUSER", PostgresFixture.USER,
                "PGPASSWORD", PostgresFixture.PASSWORD)), PostgresReceiptStore.DEFAULT_CONNECTIONS);
    }

    private Path document(String name, String type) throws IOException {
        return Files.writeString(dir.resolve(name), Documents.of(type, "agent://local", "## Context\nn: 1\n"));
    }

    @Test
    void appendsFromThreadsOfTwoStoresMakeOneChainPerDocument() throws Exception {
        String url = postgres.newDatabase();
        Path a = document("a.maml.md", "quantum_workflow");
        Path b = document("b.maml.md", "security_workflow");
        try (PostgresReceiptStore one = open(url); PostgresReceiptStore two = open(url)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Path>> appends = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    ReceiptStore store = i % 2 == 0 ? one : two;
                    Path source = i % 4 == 3 ? b : a;
                    appends.add(pool.submit((Callable<Path>) () -> store.append(Receipts.of(source))));
                }
                for (Future<Path> f : appends) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertChain(one.chain(id(a)), 90);
            assertChain(two.chain(id(b)), 30);
        }
    }

    /** Each receipt names the one before it, the first names none, and `verify --chain`'s walk finds it intact. */
    private void assertChain(List<ReceiptStore.Stored> chain, int length) throws IOException {
        assertEquals(length, chain.size());
        String prev = null;
        Path out = Files.createTempDirectory(dir, "chain-");
        for (ReceiptStore.Stored r : chain) {
            String text = new String(r.text(), StandardCharsets.UTF_8);
            Matcher m = PREV.matcher(text);
            assertEquals(prev, m.find() ? m.group(1) : null, r.name());
            prev = Digests.sha3_256Hex(r.text());
            Files.write(out.resolve(r.name()), r.text());
        }
        Map<String, List<ReceiptChain.Link>> read = ReceiptChain.read(out);
        assertEquals(1, read.size());
        ReceiptChain.Result result = ReceiptChain.verify(read.values().iterator().next(), TrustStore.standard(out, List.of()));
        assertTrue(result.intact(), String.valueOf(result.reason()));
    }

    private static String id(Path document) throws IOException {
        Matcher m = Pattern.compile("(?m)^id: \"(.*)\"$").matcher(Files.readString(document));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void theSchemaIsMigratedOnceByReplicasStartingTogetherAndAgainWithoutChange() throws Exception {
        String url = postgres.newDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<PostgresReceiptStore> stores = new ArrayList<>();
        try {
            List<Future<PostgresReceiptStore>> opening = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opening.add(pool.submit(() -> open(url)));
            }
            for (Future<PostgresReceiptStore> f : opening) {
                stores.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Path a = document("a.maml.md", "quantum_workflow");
        String name = stores.get(0).append(Receipts.of(a)).toString();
        for (PostgresReceiptStore s : stores) {
            s.close();
        }
        try (PostgresReceiptStore again = open(url)) {
            assertEquals(ReceiptSchema.LATEST, again.schemaVersion());
            assertEquals(1, again.chain(id(a)).size(), "a second start keeps the receipts");
            assertTrue(again.read(name).isPresent());
        }
        try (Connection c = postgres.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM maml_schema_version")) {
            r.next();
            assertEquals(ReceiptSchema.LATEST, r.getInt(1), "each migration recorded once");
        }
    }

    @Test
    void aDatabaseMigratedByANewerMamlIsRefused() throws Exception {
        String url = postgres.newDatabase();
        open(url).close();
        try (Connection c = postgres.connect(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO maml_schema_version (version) VALUES (" + (ReceiptSchema.LATEST + 1) + ")");
        }
        IOException e = assertThrows(IOException.class, () -> open(url));
        assertTrue(e.getMessage().contains("newer than this maml knows"), e.getMessage());
    }

    @Test
    void aReceiptIsReadByItsNameAndAnUnknownNameIsNone() throws Exception {
        try (PostgresReceiptStore store = open(postgres.newDatabase())) {
            Path a = document("a.maml.md", "quantum_workflow");
            String name = store.append(Receipts.of(a)).toString();
            assertTrue(name.matches("a\\.\\d+\\.mu"), name);
            byte[] text = store.read(name).orElseThrow();
            assertTrue(new String(text, StandardCharsets.UTF_8).startsWith("---\nmu_version:"));
            assertTrue(store.read("a.999999.mu").isEmpty());
            assertTrue(store.read("../" + name).isEmpty());
            assertTrue(store.chain("no-such-document").isEmpty());
        }
    }

    /** The database is trusted storage: an edit made in it is found only by verifying the chain. */
    @Test
    void aReceiptEditedInTheDatabaseBreaksTheExportedChain() throws Exception {
        String url = postgres.newDatabase();
        Path a = document("a.maml.md", "quantum_workflow");
        try (PostgresReceiptStore store = open(url)) {
            for (int i = 0; i < 3; i++) {
                store.append(Receipts.of(a));
            }
            try (Connection c = postgres.connect(url); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE maml_receipts SET body = convert_to(replace(convert_from(body, 'UTF8'),"
                        + " 'type: receipt', 'type:  receipt'), 'UTF8') WHERE position = 2");
            }
            Path out = Files.createTempDirectory(dir, "edited-");
            for (ReceiptStore.Stored r : store.chain(id(a))) {
                Files.write(out.resolve(r.name()), r.text());
            }
            ReceiptChain.Result result = ReceiptChain.verify(ReceiptChain.read(out).values().iterator().next(),
                    TrustStore.standard(out, List.of()));
            assertFalse(result.intact());
        }
    }

    /** A receipt in the database has no directory to point into: its signer names the key inline. */
    @Test
    void signedReceiptsNameTheirPublicKeyInlineAndVerify() throws Exception {
        Path[] pair = KeyFiles.write(MlDsa.generate(Algorithm.DEFAULT, new SecureRandom()), dir.resolve("k").toString());
        Path a = document("a.maml.md", "quantum_workflow");
        try (PostgresReceiptStore store = open(postgres.newDatabase())) {
            store.append(Receipts.of(a).key(pair[1]));
            store.append(Receipts.of(a).key(pair[1]));
            Path out = Files.createTempDirectory(dir, "signed-");
            for (ReceiptStore.Stored r : store.chain(id(a))) {
                assertTrue(new String(r.text(), StandardCharsets.UTF_8).contains("public_key: \"base64:"), r.name());
                Files.write(out.resolve(r.name()), r.text());
            }
            ReceiptChain.Result result = ReceiptChain.verify(ReceiptChain.read(out).values().iterator().next(),
                    TrustStore.standard(out, List.of(pair[0])));
            assertTrue(result.intact(), String.valueOf(result.reason()));
            for (ReceiptChain.Link link : result.links()) {
                assertTrue(ReceiptVerifier.verify(link.document(), out, null, TrustStore.standard(out, List.of(pair[0]))).signed());
            }
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAClearErrorWithoutThePassword() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        IOException e = assertThrows(IOException.class, () -> PostgresReceiptStore.open(DatabaseUrl.parse(
                "jdbc:postgresql://127.0.0.1:" + closed + "/maml?user=maml&password=hunter2-secret", Map.of()), 1));
        assertTrue(e.getMessage().startsWith("jdbc:postgresql://127.0.0.1:" + closed + "/maml?…: cannot use the database"),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2-secret"), e.getMessage());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() throws Exception {
        String url = postgres.newDatabase();
        IOException e = assertThrows(IOException.class, () -> PostgresReceiptStore.open(DatabaseUrl.parse(url,
                Map.of("PGUSER", PostgresFixture.USER, "PGPASSWORD", "wrong-pw-5581")), 1));
        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-pw-5581"), e.getMessage());
    }

    @Test
    void onlyPostgresUrlsWithAHostAndADatabaseAreAccepted() {
        for (String bad : List.of("jdbc:mysql://127.0.0.1/maml", "jdbc:postgresql://127.0.0.1/",
                "jdbc:postgresql://user:pw-in-userinfo@127.0.0.1/maml", "jdbc:postgresql:maml",
                "jdbc:postgresql://127.0.0.1/maml\n?x=1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(bad, Map.of()));
            assertFalse(e.getMessage().contains("pw-in-userinfo"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/maml?password=s%40cret&user=m", Map.of("PGPASSWORD", "env"));
        assertEquals("jdbc:postgresql://db:5432/maml?…", url.redacted());
        assertEquals("no ***", url.scrub("no s@cret"), "the URL's password wins over PGPASSWORD and is scrubbed");
        assertNull(DatabaseUrl.parse("jdbc:postgresql://db/maml", Map.of()).properties().getProperty("password"));
    }
}
