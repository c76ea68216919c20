package dev.maml.server.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * MCP's stdio transport for {@code maml mcp}: the one session of the client at the other end of
 * standard input and output, in place of the SDK's StdioServerTransportProvider. Why our own (issue
 * 13, docs/performance.md): the SDK's read each message three times over (our guard's checks, then
 * its own parse), handed every answer to a writer thread and every tool call to a pool thread, each a
 * wake-up the call waited for; and its writer lost an answer when two threads sent at once (its
 * outbound sink refuses concurrent emits), which left a client waiting forever on a loaded machine.
 * <p>
 * Here {@link StdioGuard} parses each line once; the thread that makes an answer writes it
 * ({@link AnsweredOutput}); the server runs with {@code immediateExecution}, so a request is handled
 * on the thread that read it. Only {@code tools/call} may take long (a workflow run takes seconds):
 * before handling one, the reading thread hands reading on to another thread, so a ping or a
 * cancellation is read and answered while the tool runs. Every other message is handled before the
 * next is read, in the order the client sent them. At most {@link #MAX_CALLS} tool calls run at
 * once: a client that sends more waits until one ends before anything more of its input is read, so a
 * burst of calls cannot make a thread each.
 * <p>
 * At the end of input the transport waits until every request read is answered, then calls
 * {@code onEnd} ({@code maml mcp} then exits).
 */
final class StdioTransport implements McpServerTransportProvider {

    /** How long the end of input waits for the answers still being worked on (a run takes seconds). */
    private static final long ANSWER_WAIT_SECONDS = 60;

    /** Tool calls running at once: ten per core, the bound the SDK's own transport had (Reactor's bounded elastic pool). */
    static final int MAX_CALLS = 10 * Runtime.getRuntime().availableProcessors();

    private final Semaphore calls = new Semaphore(MAX_CALLS);

    private final StdioGuard input;
    private final AnsweredOutput output;
    private final McpJsonMapper mapper;
    private final Runnable onEnd;
    private final ExecutorService readers;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile @Nullable McpServerSession session;

    StdioTransport(InputStream in, OutputStream out, McpJsonMapper mapper, Runnable onEnd) {
        this.output = new AnsweredOutput(out, mapper);
        this.input = new StdioGuard(in, output, mapper);
        this.mapper = mapper;
        this.onEnd = onEnd;
        AtomicInteger count = new AtomicInteger();
        this.readers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "maml-mcp-stdio-" + count.incrementAndGet());
            thread.setDaemon(true); // a reader blocked on standard input must not keep the JVM alive
            return thread;
        });
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        this.session = sessionFactory.create(new SessionTransport());
    }

    /** Starts reading standard input: after the workflow tools are in place, since a client lists the tools once. */
    void start() {
        readers.execute(this::read);
    }

    /** Reads and handles messages until the input ends, or until it hands reading on before a tool call. */
    private void read() {
        try {
            for (McpSchema.JSONRPCMessage message; !closing.get() && (message = input.next()) != null; ) {
                if (message instanceof McpSchema.JSONRPCRequest request
                        && McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
                    calls.acquire();
                    readers.execute(this::read);
                    handle(message, calls::release);
                    return;
                }
                handle(message, () -> { });
            }
        } catch (IOException e) {
            // Input that fails ends the session as its end does.
        } catch (RejectedExecutionException | InterruptedException e) {
            return; // closed while waiting for a call to end or while handing reading on
        }
        if (!closing.get()) {
            end();
        }
    }

    /** Handles {@code message}; {@code done} runs when its handling ends, however it ends. */
    private void handle(McpSchema.JSONRPCMessage message, Runnable done) {
        McpServerSession current = session;
        if (current == null) {
            done.run();
            return;
        }
        // A failed request is answered by the session itself; a failed notification or write has no one to tell.
        current.handle(message).doFinally(signal -> done.run()).subscribe(null, error -> { });
    }

    private void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            output.awaitAnswers(ANSWER_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onEnd.run();
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession current = session;
        return current == null ? Mono.error(new IllegalStateException("No session to notify"))
                : current.sendNotification(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> {
            McpServerSession current = session;
            if (current == null || !current.getId().equals(sessionId)) {
                return Mono.error(new IllegalStateException("No session " + sessionId + " to notify"));
            }
            return current.sendNotification(method, params);
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        McpServerSession current = session;
        return (current == null ? Mono.<Void>empty() : current.closeGracefully()).then(Mono.fromRunnable(this::close));
    }

    @Override
    public void close() {
        closing.set(true);
        readers.shutdown();
    }

    /** The session's side: what it sends is written at once, on its own thread. */
    private final class SessionTransport implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromCallable(() -> {
                output.send(message);
                return message;
            }).then();
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return mapper.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(() -> closing.set(true));
        }

        @Override
        public void close() {
            closing.set(true);
        }
    }
}
