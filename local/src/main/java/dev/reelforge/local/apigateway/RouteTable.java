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

    /**
     * The routes of the resource a path falls to whatever the method (the most specific resource matching it), as
     * API Gateway picks the resource before the method; empty when no resource matches.
     */
    List<Route> resource(String path) {
        List<String> segments = PathTemplate.segments(path);
        Optional<Route> best = Optional.empty();
        int bestScore = Integer.MAX_VALUE;
        for (Route route : routes) {
            int score = PathTemplate.specificity(route.segments());
            if (PathTemplate.match(route.segments(), segments).isPresent() && (best.isEmpty() || score < bestScore)) {
                best = Optional.of(route);
                bestScore = score;
            }
        }
        return best.map(found -> routes.stream().filter(route -> route.api() == found.api()
                && route.resourcePath().equals(found.resourcePath())).toList()).orElse(List.of());
    }

    List<Route> routes() {
        return routes;
    }
}
