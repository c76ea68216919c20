package dev.maml.server.mcp.workflows;

import dev.maml.run.Identity;
import dev.maml.run.Pipeline;
import dev.maml.server.receipts.RunOutputs;
import dev.maml.toolchain.Session;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Workflows as MCP tools (spec 11.2): every document in a workflows directory that lints without
 * errors, verifies as {@code valid} (trusted) and whose {@code permissions.execute} admits the
 * identity is the tool {@code workflow_<stem>}, with its Intent as description and its
 * Input_Schema / Output_Schema as inputSchema / outputSchema ({@link ToolSchemas} says how they are
 * adjusted); a call runs the document through the run pipeline. Each listed document is also a
 * resource ({@code file://}, text/markdown). Only the directory's own files count, not
 * subdirectories.
 * <p>
 * <b>Identity.</b> A list is made for one identity: stdio's {@code --as}. Over HTTP the caller
 * varies: the transport puts the authenticated {@link Identity} in the transport context under
 * {@link #IDENTITY_KEY}; attach with a null identity and register {@link #toolFilter()} so each
 * caller lists only the workflows it may execute. Whatever was listed, every call is checked again
 * for the caller at call time, on the file as it is then (the pipeline lints, verifies and checks
 * permissions again): a caller who is not admitted, or a document edited since, gets
 * {@code isError}, never a run.
 * <p>
 * <b>Name clashes.</b> Two documents that map to the same name ({@code a-b.maml.md} and
 * {@code a_b.maml.md}, {@code x.maml.md} and {@code x.maml.markdown}) are both left out, with the
 * reason {@link Unlisted.Reason#NAME_CLASH}: a tool name never means one document today and another
 * tomorrow because of the order files are read in.
 * <p>
 * <b>Following the directory.</b> {@link #attach} keeps a server's tools and resources in step with
 * the directory (a WatchService, debounced, plus a periodic rescan, which also notices changed trust
 * stores); the SDK sends {@code notifications/tools/list_changed} for each tool added or removed
 * when the server declared {@code tools(true)} in its capabilities (and resources' list_changed
 * for resources with {@code resources(…, true)}).
 * <p>
 * Thread-safe. {@link #close()} stops the watch; the servers are the caller's to close.
 */
public final class WorkflowCatalog implements AutoCloseable {

    /** The transport context key under which an HTTP transport puts the caller's {@link Identity}. */
    public static final String IDENTITY_KEY = "dev.maml.run.Identity";

    static final Duration DEBOUNCE = Duration.ofMillis(300);
    static final Duration RESCAN = Duration.ofSeconds(15);

    private final Path directory;
    private final WorkflowReader reader;
    private final WorkflowCall calls;
    private final Duration debounce;
    private final Duration rescan;
    private final Consumer<String> log;
    private final List<ServerSync> attached = new CopyOnWriteArrayList<>();
    /** The workflows of the latest scan by tool name, for {@link #toolFilter()}. */
    private volatile Map<String, Workflow> latest = Map.of();
    private @Nullable DirectoryWatch watch;
    private boolean closed;

    /**
     * @param directory  the workflows directory ({@code --workflows}); also the tree the runs' files must stay in
     * @param session    the server's settings: its trust ({@code --trust} keys, the user's store and,
     *                   when its TrustSettings allow them, allowed project stores), signature policy
     *                   ({@code --min-algorithm}) and size limit; lint configs are discovered per document
     * @param key        the ML-DSA private key that signs results and receipts ({@code --key}); null: ephemeral
     * @param outputs    where the runs' receipts and sealed payloads go: a directory, or a server's receipt store
     * @throws IOException when {@code directory} is not a directory
     */
    public WorkflowCatalog(Path directory, Session session, @Nullable Path key, RunOutputs outputs) throws IOException {
        this(directory, session, key, outputs, new Pipeline(), DEBOUNCE, RESCAN, System.err::println);
    }

    /** @param log receives what {@link #attach} reports (stderr for `maml mcp`, whose stdout is the protocol's) */
    WorkflowCatalog(Path directory, Session session, @Nullable Path key, RunOutputs outputs, Pipeline pipeline,
                    Duration debounce, Duration rescan, Consumer<String> log) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NotDirectoryException(directory + " (the workflows directory)");
        }
        this.directory = directory.toAbsolutePath().normalize();
        this.reader = new WorkflowReader(this.directory, session);
        this.calls = new WorkflowCall(this.directory, session, key, outputs, pipeline);
        this.debounce = debounce;
        this.rescan = rescan;
        this.log = log;
    }

    /**
     * Reads the directory now and lists it for {@code who} (null: for any caller, leaving the
     * permission to each call): the tools, the resources, and why each other document is left out.
     */
    public Listing list(@Nullable Identity who) {
        return Listing.of(scan(), who, calls);
    }

    /**
     * Adds the workflow tools and resources for {@code listFor} (null: every caller, see
     * {@link #toolFilter()}) to {@code server} now, and from then on follows the directory until
     * {@link #close()}. Calls made without an identity in their transport context run as
     * {@code listFor} (null: {@code agent://local}, as {@code --auth none}). Each document not
     * offered is reported on stderr with its reason ({@link Unlisted#message()}) when first seen
     * and whenever the reason changes.
     */
    public synchronized void attach(McpSyncServer server, @Nullable Identity listFor) {
        if (closed) {
            throw new IllegalStateException("the workflow catalog is closed");
        }
        ServerSync sync = new ServerSync(server, listFor, log);
        sync.apply(list(listFor));
        attached.add(sync);
        if (watch == null) {
            watch = new DirectoryWatch(directory, debounce, rescan, WorkflowReader::mayChangeTheListing, this::refresh, log);
        }
    }

    /**
     * For a server whose callers vary (HTTP; register with the server builder's
     * {@code addToolFilter}): hides each workflow tool whose document does not admit the caller (the
     * identity in the transport context, else {@code agent://local}); other tools are left alone.
     */
    public McpSyncListFilter<McpSchema.Tool> toolFilter() {
        return (context, tool) -> {
            Workflow workflow = latest.get(tool.name());
            return workflow == null || workflow.executableBy(WorkflowCall.caller(context, Identity.LOCAL));
        };
    }

    /**
     * One scan for every attached server; under the lock {@link #attach} takes, so a server being
     * attached never gets an older scan after its first one.
     */
    private synchronized void refresh() {
        if (closed) {
            return;
        }
        List<WorkflowReader.Read> reads = scan();
        for (ServerSync sync : attached) {
            sync.apply(Listing.of(reads, sync.listFor(), calls));
        }
    }

    /** Reads the directory, and remembers what it holds for {@link #toolFilter()}. */
    private List<WorkflowReader.Read> scan() {
        List<WorkflowReader.Read> reads = reader.readAll();
        latest = Listing.of(reads, null, calls).workflows().stream()
                .collect(Collectors.toUnmodifiableMap(Workflow::name, Function.identity()));
        return reads;
    }

    /** Stops following the directory (waiting briefly for a scan under way); the tools added stay. */
    @Override
    public void close() {
        DirectoryWatch stopping;
        synchronized (this) {
            closed = true;
            stopping = watch;
            watch = null;
        }
        if (stopping != null) {
            stopping.close(); // outside the lock: the watch thread may be waiting for it in refresh()
        }
    }
}
