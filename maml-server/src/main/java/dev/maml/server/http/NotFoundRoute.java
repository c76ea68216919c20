package dev.maml.server.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Every path that is no route: 404 in the spec's shape, whatever the method, naming the routes there are. */
final class NotFoundRoute extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RouteTable routes;

    NotFoundRoute(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Route.send(response, new ApiError(404, "not_found", "no such route; the routes are " + routes.listing()));
    }
}
