package dev.maml.server.mcp;

import dev.maml.server.receipts.RunOutputs;
import dev.maml.sign.KeyFiles;
import dev.maml.trust.TrustSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an MCP server is started with (spec 11.2): the workflows directory {@code path} arguments
 * and workflow tools are confined to, the private key that signs (null: no {@code sign} tool), the
 * public keys it trusts besides the user's store, and where runs write.
 *
 * @param workflows the real path of the directory, or null
 * @param outputs   where the run tool's and the workflow tools' runs write receipts and sealed
 *                  payloads when MCP is mounted on `maml serve`: the server's (its --receipts store,
 *                  as /execute writes them). Null for `maml mcp`: receipts next to the documents,
 *                  as `maml run` writes them
 */
public record McpConfig(@Nullable Path workflows, @Nullable Path key, List<Path> trust, @Nullable RunOutputs outputs) {

    public McpConfig {
        trust = List.copyOf(trust);
    }

    /** This configuration with runs writing to {@code serverOutputs} (maml serve's). */
    public McpConfig writingTo(RunOutputs serverOutputs) {
        return new McpConfig(workflows, key, trust, serverOutputs);
    }

    /** What the server's tools and workflow listing trust. */
    public TrustSettings trustSettings() {
        return TrustSettings.server(trust);
    }

    /**
     * Checks the options and resolves the workflows directory to its real path.
     *
     * @throws IllegalArgumentException with every problem found, one per line (maml mcp exits 2)
     */
    public static McpConfig of(@Nullable Path workflows, @Nullable Path key, List<Path> trust) {
        List<String> problems = new ArrayList<>();
        Path real = null;
        if (workflows != null) {
            try {
                real = Files.isDirectory(workflows) ? workflows.toRealPath() : null;
            } catch (IOException e) {
                real = null;
            }
            if (real == null) {
                problems.add("--workflows " + workflows + ": not a directory");
            }
        }
        if (key != null) {
            try {
                KeyFiles.readPrivate(key);
            } catch (IOException e) {
                problems.add("--key: " + e.getMessage());
            }
        }
        for (Path pub : trust) {
            if (!Files.isRegularFile(pub)) {
                problems.add("--trust " + pub + ": no such file");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new McpConfig(real, key, trust, null);
    }
}
