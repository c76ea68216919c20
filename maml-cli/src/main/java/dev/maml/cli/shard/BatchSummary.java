package dev.maml.cli.shard;

import dev.maml.report.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last line of a batch's output, {@code {"summary": {documents, ok, failed, refused, skipped,
 * exit_code, shard}}}: how the documents' lines ended, and the batch's exit code (the worst, which
 * also counts arguments that named no file). A document line counts as {@code skipped} by its
 * status, {@code refused} by exit code 3, {@code ok} by status ok, and else as {@code failed}.
 * Thread-safe: workers add their lines as they finish.
 */
public final class BatchSummary {

    public static final String FIELD = "summary";
    static final String SKIPPED = "skipped";
    private static final int REFUSED = 3;

    private long ok;
    private long failed;
    private long refused;
    private long skipped;

    /** Counts one document line. */
    public synchronized void add(JsonNode line) {
        String status = line.path("status").asString("");
        if (status.equals(SKIPPED)) {
            skipped++;
        } else if (line.path("exit_code").asInt() == REFUSED) {
            refused++;
        } else if (status.equals("ok")) {
            ok++;
        } else {
            failed++;
        }
    }

    /** Adds the counts of another summary (a shard's, for `merge`). */
    synchronized void add(Counts counts) {
        ok += counts.ok();
        failed += counts.failed();
        refused += counts.refused();
        skipped += counts.skipped();
    }

    public synchronized Counts counts() {
        return new Counts(ok, failed, refused, skipped);
    }

    /** The summary line for a batch (or shard, when {@code shard} is not null) that exits {@code exitCode}. */
    public ObjectNode line(int exitCode, @Nullable Shard shard) {
        ObjectNode summary = counts().json().put("exit_code", exitCode);
        if (shard == null) {
            summary.putNull("shard");
        } else {
            summary.put("shard", shard.toString());
        }
        ObjectNode line = Json.object();
        line.set(FIELD, summary);
        return line;
    }

    /** How many documents ended each way. */
    public record Counts(long ok, long failed, long refused, long skipped) {

        public long documents() {
            return ok + failed + refused + skipped;
        }

        static Counts of(JsonNode summary) {
            return new Counts(summary.path("ok").asLong(), summary.path("failed").asLong(),
                    summary.path("refused").asLong(), summary.path("skipped").asLong());
        }

        ObjectNode json() {
            return Json.object().put("documents", documents()).put("ok", ok).put("failed", failed)
                    .put("refused", refused).put("skipped", skipped);
        }
    }
}
