package dev.maml.server.mcp.workflows;

import dev.maml.run.Identity;
import dev.maml.run.Permissions;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The workflows directory as offered to one identity at one moment: the tools and resources of the
 * documents listed, and why each other document is not. Made by {@link WorkflowCatalog#list}.
 * Immutable.
 */
public final class Listing {

    private final List<Workflow> workflows;
    private final List<Unlisted> unlisted;
    private final Identity fallback;
    private final @Nullable Identity who;
    private final WorkflowCall calls;

    private Listing(List<Workflow> workflows, List<Unlisted> unlisted, @Nullable Identity who, WorkflowCall calls) {
        this.workflows = List.copyOf(workflows);
        this.unlisted = List.copyOf(unlisted);
        this.who = who;
        this.fallback = who != null ? who : Identity.LOCAL;
        this.calls = calls;
    }

    /**
     * Applies the checks that depend on who asks to what the directory holds: {@code who}'s
     * permission (null: not checked here, for servers whose callers vary: each call is checked),
     * then the name clashes among the documents left.
     */
    static Listing of(List<WorkflowReader.Read> reads, @Nullable Identity who, WorkflowCall calls) {
        List<Unlisted> unlisted = new ArrayList<>();
        Map<String, List<Workflow>> byName = new LinkedHashMap<>();
        for (WorkflowReader.Read read : reads) {
            Workflow w = read.workflow();
            if (w == null) {
                unlisted.add(read.unlisted());
            } else if (who != null && !w.executableBy(who)) {
                unlisted.add(new Unlisted(w.file(), Unlisted.Reason.NOT_PERMITTED, w.file().getFileName()
                        + ": permissions.execute does not admit " + who));
            } else {
                byName.computeIfAbsent(w.name(), n -> new ArrayList<>()).add(w);
            }
        }
        List<Workflow> listed = new ArrayList<>();
        byName.forEach((name, same) -> {
            if (same.size() == 1) {
                listed.add(same.get(0));
                return;
            }
            List<String> files = same.stream().map(w -> w.file().getFileName().toString()).toList();
            same.forEach(w -> unlisted.add(new Unlisted(w.file(), Unlisted.Reason.NAME_CLASH, w.file().getFileName()
                    + ": " + String.join(", ", files) + " all map to the tool name " + name
                    + "; none of them is offered until one is renamed")));
        });
        unlisted.sort(Comparator.comparing(u -> u.file().getFileName().toString()));
        return new Listing(listed, unlisted, who, calls);
    }

    /** The tool of each listed document, in file name order. */
    public List<SyncToolSpecification> tools() {
        return workflows.stream().map(w -> new SyncToolSpecification(w.tool(),
                (exchange, request) -> calls.call(w, fallback, exchange, request))).toList();
    }

    /**
     * Each listed document as a resource; for a given identity only those it may read (a server
     * whose callers vary lists them all and checks each read).
     */
    public List<SyncResourceSpecification> resources() {
        return workflows.stream().filter(w -> who == null || Permissions.mayRead(w.document(), who))
                .map(w -> WorkflowResource.of(w, fallback)).toList();
    }

    /** The names of {@link #tools()}. */
    public List<String> toolNames() {
        return workflows.stream().map(Workflow::name).toList();
    }

    /** Every document not listed, with why (the first check it failed). */
    public List<Unlisted> unlisted() {
        return unlisted;
    }

    List<Workflow> workflows() {
        return workflows;
    }
}
