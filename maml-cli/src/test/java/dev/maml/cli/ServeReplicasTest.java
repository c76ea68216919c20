package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.server.testing.Documents;
import dev.maml.server.testing.PostgresFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: two `maml serve` processes on one PostgreSQL database (a real one, {@link PostgresFixture})
 * run the same document concurrently; the export of its receipts is one chain that
 * `maml receipt verify --chain` accepts, and killing one replica mid-run loses no receipt a client
 * was told about and breaks no link.
 */
class ServeReplicasTest {

    private static final int CLIENTS = 8;
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path root;
    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String document = Documents.quantum();

    @Test
    void twoReplicasKeepOneChainAndAKilledReplicaLosesNoCommittedReceipt() throws Exception {
        try (PostgresFixture postgres = PostgresFixture.start()) {
            String url = postgres.newDatabase();
            Map<String, String> env = Map.of("PGUSER", PostgresFixture.USER, "PGPASSWORD", PostgresFixture.PASSWORD);
            String[] args = {"--root", root.toString(), "--receipts", url, "--port", "0"};
            // Started together: both migrate the fresh database at once, as replicas rolled out together do.
            CompletableFuture<ServeProcess> starting = CompletableFuture.supplyAsync(() -> start(env, args));
            try (ServeProcess a = start(env, args); ServeProcess b = starting.join()) {
                assertNotNull(a.uri(), a.stderr().toString());
                assertNotNull(b.uri(), b.stderr().toString());

                List<String> first = runAll(200, a, b, -1);
                assertEquals(200, first.size());
                List<JsonNode> chain = export(a);
                assertEquals(200, chain.size(), "one chain of 200 receipts");
                assertEquals(new HashSet<>(first), names(chain), "the chain holds exactly the receipts the clients got");
                assertEquals(names(chain), names(export(b)), "both replicas export the same chain");
                CliRun verified = CliRun.of("receipt", "verify", "--chain", write(chain, "after-200").toString());
                assertEquals(0, verified.exitCode(), verified.out() + verified.err());
                assertTrue(verified.out().contains(": 200 receipt(s), intact"), verified.out());

                CliRun exported = CliRun.of("receipt", "export", "--chain", id(), "--from",
                        url + "?user=" + PostgresFixture.USER + "&password=" + PostgresFixture.PASSWORD,
                        "--out", work.resolve("exported").toString());
                assertEquals(0, exported.exitCode(), exported.err());
                assertFalse(exported.out().contains(PostgresFixture.PASSWORD) || exported.err().contains(PostgresFixture.PASSWORD));
                CliRun again = CliRun.of("receipt", "verify", "--chain", work.resolve("exported").toString());
                assertEquals(0, again.exitCode(), again.out() + again.err());

                List<String> second = runAll(60, a, b, 20);
                assertEquals(60, second.size(), "every run got a 2xx from a replica still up");
                List<JsonNode> after = export(a);
                Set<String> kept = names(after);
                assertTrue(kept.containsAll(first) && kept.containsAll(second), "no receipt a client got is lost");
                assertTrue(after.size() >= 260 && after.size() <= 260 + CLIENTS, "at most one per client in flight"
                        + " committed without its answer reaching the client: " + after.size());
                CliRun afterKill = CliRun.of("receipt", "verify", "--chain", write(after, "after-kill").toString());
                assertEquals(0, afterKill.exitCode(), afterKill.out() + afterKill.err());
                assertTrue(afterKill.out().contains(": " + after.size() + " receipt(s), intact"), afterKill.out());
                for (ServeProcess s : List.of(a, b)) {
                    assertTrue(s.stderr().stream().noneMatch(l -> l.contains(PostgresFixture.PASSWORD)), "never logged");
                }
            }
        }
    }

    private static ServeProcess start(Map<String, String> env, String... args) {
        try {
            return ServeProcess.start(env, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts the document {@code runs} times from {@link #CLIENTS} threads, alternating between the two
     * replicas; after {@code killAfter} answers (when not negative), replica {@code b} is killed,
     * and a request it failed is sent to {@code a}, as a load balancer would.
     *
     * @return the receipt names of the 2xx answers
     */
    private List<String> runAll(int runs, ServeProcess a, ServeProcess b, int killAfter) throws Exception {
        AtomicInteger resent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Set<String> names = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch killed = new CountDownLatch(killAfter < 0 ? 0 : 1);
        String uriA = a.uri();
        String uriB = b.uri();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String first = i % 2 == 0 ? uriA : uriB;
                done.add(clients.submit(() -> {
                    JsonNode answer = execute(first);
                    if (answer == null) {
                        resent.incrementAndGet();
                        answer = execute(uriA);
                    }
                    assertNotNull(answer, "the surviving replica answered");
                    names.add(answer.path("receipt").asString());
                    if (answered.incrementAndGet() == killAfter) {
                        b.kill();
                        killed.countDown();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            killed.await();
        } finally {
            clients.shutdownNow();
        }
        assertEquals(runs, names.size(), "each answer names its own receipt");
        assertEquals(killAfter < 0, resent.get() == 0, "requests to the killed replica failed and were sent again: "
                + resent.get());
        return new ArrayList<>(names);
    }

    /** The 200 answer of POST /execute, or null when the replica could not answer (killed). */
    private JsonNode execute(String uri) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri + "/execute")).timeout(HTTP_TIMEOUT)
                    .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofString(document)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500) {
                return null;
            }
            assertEquals(200, r.statusCode(), r.body());
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            return null; // refused or reset: the replica is gone
        }
    }

    private List<JsonNode> export(ServeProcess server) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/receipts?document="
                + URLEncoder.encode(id(), StandardCharsets.UTF_8))).timeout(HTTP_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertEquals(id(), body.path("document").asString());
        List<JsonNode> chain = new ArrayList<>();
        body.path("receipts").forEach(chain::add);
        return chain;
    }

    private static Set<String> names(List<JsonNode> chain) {
        Set<String> names = new HashSet<>();
        chain.forEach(r -> names.add(r.path("name").asString()));
        return names;
    }

    private Path write(List<JsonNode> chain, String name) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        for (JsonNode r : chain) {
            Files.writeString(dir.resolve(r.path("name").asString()), r.path("text").asString());
        }
        return dir;
    }

    private String id() {
        Matcher m = Pattern.compile("(?m)^id: \"(.*)\"$").matcher(document);
        assertTrue(m.find());
        return m.group(1);
    }

    /** `maml serve` in-process, which must refuse to start: exit 2, one line that says why, no password. */
    private CliRun refused(String receipts) {
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("serve", "--root", root.toString(),
                "--port", "0", "--receipts", receipts), "maml serve should have refused to start");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertFalse(run.err().contains("hunter2") || run.err().contains("Exception"), run.err());
        return run;
    }

    @Test
    void aDatabaseThatCannotBeUsedStopsServeAtStartWithExitTwo() throws Exception {
        int closed;
        try (var probe = new java.net.ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        String err = refused("jdbc:postgresql://127.0.0.1:" + closed + "/maml?user=maml&password=hunter2").err();
        assertTrue(err.startsWith("maml serve: --receipts jdbc:postgresql://127.0.0.1:" + closed
                + "/maml?…: cannot use the database: Connection to 127.0.0.1:" + closed + " refused"), err);
        assertTrue(refused("jdbc:mysql://127.0.0.1/maml?password=hunter2").err()
                .contains("only PostgreSQL is supported"));
        assertTrue(refused("jdbc:postgresql://maml:hunter2@127.0.0.1/maml").err()
                .contains("expected jdbc:postgresql://HOST[:PORT]/DATABASE"));
    }
}
