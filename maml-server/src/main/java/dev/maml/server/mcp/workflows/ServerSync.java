package dev.maml.server.mcp.workflows;

import dev.maml.run.Identity;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one server's workflow tools and resources equal to the latest {@link Listing} for its
 * identity: removes what left, adds what came, and adds again what changed (a new description or
 * schema; the SDK replaces a tool of the same name). Unchanged entries are left alone, so a rescan
 * that finds nothing new sends nothing. The SDK's addTool/removeTool (and the resource calls) send
 * {@code notifications/tools/list_changed} (resources: {@code list_changed}) themselves when the
 * server declared {@code listChanged}; calling notifyToolsListChanged() as well would send each
 * notification twice.
 */
final class ServerSync {

    private final McpSyncServer server;
    private final @Nullable Identity listFor;
    /** Tool name → what it was added as. */
    private final Map<String, Added> tools = new HashMap<>();
    private final Map<String, McpSchema.Resource> resources = new HashMap<>();
    /** The message last reported for each document not offered. */
    private Map<Path, String> reported = Map.of();
    private final Consumer<String> log;

    /** A tool and its file: a rename (drone.maml.md → drone.maml.markdown) keeps the name but not the file. */
    private record Added(McpSchema.Tool tool, Path file) {
    }

    /** @param log where changes are reported (stderr for `maml mcp`: stdout carries only protocol messages) */
    ServerSync(McpSyncServer server, @Nullable Identity listFor, Consumer<String> log) {
        this.server = server;
        this.listFor = listFor;
        this.log = log;
    }

    @Nullable Identity listFor() {
        return listFor;
    }

    synchronized void apply(Listing listing) {
        report(listing);
        Map<String, Workflow> next = new HashMap<>();
        listing.workflows().forEach(w -> next.put(w.name(), w));
        for (String gone : Set.copyOf(tools.keySet())) {
            if (!next.containsKey(gone)) {
                tools.remove(gone);
                guarded(gone, () -> server.removeTool(gone));
            }
        }
        for (SyncToolSpecification spec : listing.tools()) {
            String name = spec.tool().name();
            Added added = new Added(spec.tool(), next.get(name).file());
            if (!added.equals(tools.get(name))) {
                tools.put(name, added);
                guarded(name, () -> server.addTool(spec));
            }
        }
        Set<String> uris = new HashSet<>();
        for (SyncResourceSpecification spec : listing.resources()) {
            String uri = spec.resource().uri();
            uris.add(uri);
            if (!Objects.equals(spec.resource(), resources.get(uri))) {
                resources.put(uri, spec.resource());
                guarded(uri, () -> server.addResource(spec));
            }
        }
        for (String gone : Set.copyOf(resources.keySet())) {
            if (!uris.contains(gone)) {
                resources.remove(gone);
                guarded(gone, () -> server.removeResource(gone));
            }
        }
    }

    /** Says why a document is not offered when that is news: first seen, or its reason changed. */
    private void report(Listing listing) {
        Map<Path, String> now = new HashMap<>();
        for (Unlisted u : listing.unlisted()) {
            now.put(u.file(), u.message());
            if (!u.message().equals(reported.get(u.file()))) {
                log.accept("maml mcp: not offered as a tool: " + u.message());
            }
        }
        reported = now;
    }

    /**
     * The SDK checks a tool's schemas against the JSON Schema meta-schema itself and may refuse one
     * that linting let through, and refuses resources on a server that declared no resource
     * capability: that change is reported on stderr, and the others still happen.
     */
    private void guarded(String what, Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            log.accept("maml mcp: " + what + " not updated: " + e.getMessage());
        }
    }
}
