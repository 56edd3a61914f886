package io.camelretool.sandbox.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the route for a method and path. A handful of routes: a linear scan costs less than any index. */
final class Router {

    /** A route and the values of its placeholders. */
    record Match(Route route, Map<String, String> pathParams) {
    }

    private final List<Route> routes;

    Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    Optional<Match> find(String method, String rawPath) {
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Optional<Map<String, String>> params = route.path().match(rawPath);
                if (params.isPresent()) {
                    return Optional.of(new Match(route, params.get()));
                }
            }
        }
        return Optional.empty();
    }
}
