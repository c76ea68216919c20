package dev.maml.server.http;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ConditionalHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The bound on long-lived event streams (--max-streams): the requests it is told to include (a
 * GET of a mounted servlet: MCP's streamable-HTTP GET /mcp opens a server-sent-event stream that
 * stays open, idle, for as long as the client likes). Such a stream does no work, so it must not
 * hold one of the --max-concurrent slots that runs and lints wait for, or a few idle clients would
 * starve /execute; the run limit excludes the same requests. It is still a connection and a
 * session on the server, so their number is bounded here: one over the bound is answered 503 with
 * {@code Retry-After} at once (waiting for a stream to close could take as long as its client
 * likes). A slot is given back when the stream's response completes, however it ends.
 */
final class StreamLimit extends ConditionalHandler.Abstract {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    StreamLimit(int max) {
        this.max = max;
    }

    @Override
    protected boolean onConditionsMet(Request request, Response response, Callback callback) throws Exception {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            response.setStatus(503);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.RETRY_AFTER, JsonErrorHandler.RETRY_AFTER);
            response.write(true, ByteBuffer.wrap(ApiError.body(503, "overloaded", "the server has as many event"
                    + " streams open as it may (--max-streams " + max + "); retry later")), callback);
            return true;
        }
        Request.addCompletionListener(request, failure -> open.decrementAndGet());
        return nextHandler(request, response, callback);
    }

    @Override
    protected boolean onConditionsNotMet(Request request, Response response, Callback callback) throws Exception {
        return nextHandler(request, response, callback);
    }
}
