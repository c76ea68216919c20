package dev.maml.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** GET /health: {@code {"status":"ok"}} while the server serves (liveness probes; no token needed). */
final class HealthRoute extends Route {

    private static final long serialVersionUID = 1L;
    private static final byte[] OK = "{\"status\":\"ok\"}\n".getBytes(StandardCharsets.UTF_8);

    HealthRoute() {
        super("GET");
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        write(response, "application/json", OK);
    }
}
