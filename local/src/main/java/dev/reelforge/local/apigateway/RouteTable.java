package dev.reelforge.local.apigateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the route of a request the way API Gateway does: the most specific matching resource wins. */
final class RouteTable {

    record Match(Route route, Map<String, String> pathParameters) {}

    private final List<Route> routes;

    RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    Optional<Match> find(String method, String path) {
        List<String> segments = PathTemplate.segments(path);
        Optional<Match> best = Optional.empty();
        int bestScore = Integer.MAX_VALUE;
        for (Route route : routes) {
            if (!route.method().equals(method) && !route.method().equals("ANY")) {
                continue;
            }
            Optional<Map<String, String>> parameters = PathTemplate.match(route.segments(), segments);
            int score = PathTemplate.specificity(route.segments());
            if (parameters.isPresent() && (best.isEmpty() || score < bestScore)) {
                best = Optional.of(new Match(route, parameters.get()));
                bestScore = score;
            }
        }
        return best;
    }

    List<Route> routes() {
        return routes;
    }
}
