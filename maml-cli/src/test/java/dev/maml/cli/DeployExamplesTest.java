package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.server.receipts.DatabaseUrl;
import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * examples/k8s/maml-serve.yaml as written (no cluster here): the YAML parses; the Deployment's
 * serve command line parses with the real command spec and names a PostgreSQL receipt store without
 * a password, with authentication on (a non-loopback --bind needs it); the credentials come from a
 * Secret; the Service selects the Deployment's pods and reaches their port; the probes ask
 * /health; and the Prometheus config scrapes the pods' /metrics.
 */
class DeployExamplesTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theServeDeploymentServiceAndScrapeConfigFitTogether() throws Exception {
        Map<String, JsonNode> kinds = new HashMap<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(
                Files.readString(TestData.repositoryRoot().resolve("examples/k8s/maml-serve.yaml")))) {
            docs.forEachRemaining(d -> kinds.put(d.path("kind").asString(), d));
        }
        assertEquals(List.of("ConfigMap", "Deployment", "Service"), kinds.keySet().stream().sorted().toList());

        JsonNode deployment = kinds.get("Deployment");
        assertTrue(deployment.at("/spec/replicas").asInt() >= 2, "replicas");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asString()));
        ParseResult parsed = Main.commandLine(new Main()).parseArgs(args.toArray(String[]::new));
        ParseResult serve = parsed.subcommand();
        assertEquals("serve", serve.commandSpec().name());
        String receipts = serve.matchedOptionValue("--receipts", "");
        assertTrue(DatabaseUrl.names(receipts), receipts);
        assertEquals(receipts, DatabaseUrl.parse(receipts, Map.of()).redacted(), "no credentials in the URL");
        assertEquals("tokens", serve.matchedOptionValue("--auth", ""));
        assertEquals("0.0.0.0", serve.matchedOptionValue("--bind", ""));
        int port = serve.matchedOptionValue("--port", 8000);
        Map<String, String> secrets = new HashMap<>();
        container.path("env").forEach(e -> secrets.put(e.path("name").asString(),
                e.at("/valueFrom/secretKeyRef/name").asString("")));
        assertEquals("maml-db", secrets.get("PGUSER"));
        assertEquals("maml-db", secrets.get("PGPASSWORD"));
        assertEquals(port, container.at("/ports/0/containerPort").asInt());
        String portName = container.at("/ports/0/name").asString();
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            assertEquals("/health", container.at("/" + probe + "/httpGet/path").asString(), probe);
            assertEquals(portName, container.at("/" + probe + "/httpGet/port").asString(), probe);
        }
        List<String> mounts = new ArrayList<>();
        container.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asString()));
        assertTrue(mounts.contains(serve.matchedOptionValue("--root", java.nio.file.Path.of("")).toString()), "--root is mounted");
        assertTrue(mounts.stream().anyMatch(m -> serve.matchedOptionValue("--tokens", java.nio.file.Path.of("")).startsWith(m)),
                "--tokens is mounted");

        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        JsonNode service = kinds.get("Service");
        service.at("/spec/selector").properties().forEach(e ->
                assertEquals(e.getValue().asString(), labels.path(e.getKey()).asString(), "the Service selects the pods"));
        assertEquals(portName, service.at("/spec/ports/0/targetPort").asString());

        JsonNode prometheus = YAML.readTree(kinds.get("ConfigMap").at("/data/prometheus.yml").asString());
        JsonNode job = prometheus.at("/scrape_configs/0");
        assertEquals("/metrics", job.path("metrics_path").asString());
        assertEquals("pod", job.at("/kubernetes_sd_configs/0/role").asString());
        assertTrue(job.path("relabel_configs").toString().contains("\"regex\":\"" + labels.path("app").asString() + "\""),
                "it keeps the pods of the Deployment");
    }
}
