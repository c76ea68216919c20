package dev.maml.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * GET /openapi.json: the OpenAPI 3.1 description of this API, the resource {@code openapi.json}
 * beside this class (its {@code info.version} is the build's version, filled in by Maven). It needs
 * a token when authentication is on, as every route but /health and /metrics does (spec 11.1).
 */
final class OpenApiRoute extends Route {

    static final String PATH = "/openapi.json";

    private static final long serialVersionUID = 1L;
    private static final String RESOURCE = "openapi.json";

    private final byte[] document;

    OpenApiRoute() {
        super("GET");
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        write(response, "application/json", document);
    }
}
