package dev.maml.cli.shard;

import dev.maml.report.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Combines the outputs of batch runs (files of JSON lines, one per shard) into one summary. Each
 * output must be complete: its last line a summary, as many document lines before it as the summary
 * counts (a shard that was killed or cut short has no summary). Sharded outputs must be all shards
 * of one N, each once, so a lost artifact fails the merge instead of passing as a smaller batch; a
 * document in two outputs means the shards came from different command lines. Output lines are
 * streamed: a shard's output is never held in memory, only the document paths seen.
 */
public final class ShardMerge {

    private final BatchSummary total = new BatchSummary();
    private final Set<String> paths = new HashSet<>();
    private final Map<Integer, Path> shards = new TreeMap<>();
    /** N of the sharded outputs read so far; 0 before the first. */
    private int splitInto;
    private int unsharded;
    private int worst;

    /** Reads one output; IllegalArgumentException (or IOException) says what is wrong with it. */
    public void add(Path output) throws IOException {
        if (!Files.isRegularFile(output)) {
            throw new IllegalArgumentException(output + ": no such file");
        }
        JsonNode summary = null;
        long documents = 0;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (summary != null) {
                    throw new IllegalArgumentException(output + ":" + lineNumber + ": a line after the summary"
                            + " (two outputs in one file?)");
                }
                JsonNode json = parse(output, lineNumber, line);
                if (json.has(BatchSummary.FIELD)) {
                    summary = json.get(BatchSummary.FIELD);
                } else if (json.path("path").isString()) {
                    document(output, json);
                    documents++;
                } else {
                    throw new IllegalArgumentException(output + ":" + lineNumber + ": neither a document line nor a summary");
                }
            }
        }
        if (summary == null) {
            throw new IllegalArgumentException(output + ": no summary line (the run did not finish)");
        }
        BatchSummary.Counts counts = BatchSummary.Counts.of(summary);
        if (counts.documents() != documents) {
            throw new IllegalArgumentException(output + ": the summary counts " + counts.documents()
                    + " documents but the file has " + documents + " document lines");
        }
        shard(output, summary.path("shard"));
        total.add(counts);
        worst = Math.max(worst, summary.path("exit_code").asInt());
    }

    /** The merged summary line, or IllegalArgumentException when shards are missing or mixed. */
    public ObjectNode summary() {
        if (!shards.isEmpty()) {
            if (unsharded > 0) {
                throw new IllegalArgumentException("sharded and unsharded outputs mixed (" + unsharded + " without --shard)");
            }
            int n = splitInto;
            for (int i = 1; i <= n; i++) {
                if (!shards.containsKey(i)) {
                    throw new IllegalArgumentException("shard " + i + "/" + n + " is missing (got "
                            + shards.keySet().stream().map(k -> k + "/" + n).toList() + ")");
                }
            }
        }
        ObjectNode line = total.line(worst, null);
        ((ObjectNode) line.get(BatchSummary.FIELD)).put("outputs", shards.size() + unsharded);
        return line;
    }

    public int exitCode() {
        return worst;
    }

    private static JsonNode parse(Path output, int lineNumber, String line) {
        try {
            JsonNode json = Json.MAPPER.readTree(line);
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (JacksonException e) {
            // said below, with where
        }
        throw new IllegalArgumentException(output + ":" + lineNumber + ": not a JSON object line of maml-run");
    }

    private void document(Path output, JsonNode line) {
        String path = line.get("path").asString();
        if (!paths.add(path)) {
            throw new IllegalArgumentException(output + ": " + path + " is in two outputs (were the shards run with"
                    + " different arguments?)");
        }
    }

    private void shard(Path output, JsonNode shard) {
        if (shard.isNull() || shard.isMissingNode()) {
            unsharded++;
            return;
        }
        String[] parts = shard.asString().split("/");
        int index;
        int n;
        try {
            index = Integer.parseInt(parts[0]);
            n = Integer.parseInt(parts[parts.length - 1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(output + ": shard '" + shard.asString() + "' is not I/N");
        }
        if (splitInto != 0 && splitInto != n) {
            throw new IllegalArgumentException(output + ": shard " + shard.asString() + " is of a split into " + n
                    + ", the others into " + splitInto);
        }
        splitInto = n;
        Path other = shards.putIfAbsent(index, output);
        if (other != null) {
            throw new IllegalArgumentException(output + ": shard " + shard.asString() + " again (also " + other + ")");
        }
    }
}
