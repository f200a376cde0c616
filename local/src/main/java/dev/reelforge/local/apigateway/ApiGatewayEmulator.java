package dev.reelforge.local.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelforge.local.lambda.FunctionTimeoutException;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.ApiDefinition;
import dev.reelforge.local.template.ApiEventDefinition;
import dev.reelforge.local.template.AuthorizerDefinition;
import dev.reelforge.local.template.StackIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The REST APIs of template.yaml on one loopback port. Each request is routed as API Gateway routes it,
 * passed through the route's Lambda authorizer, turned into an {@link APIGatewayProxyRequestEvent} and
 * given to the function in process; what the gateway refuses itself is answered with the API's gateway
 * responses.
 */
public final class ApiGatewayEmulator implements AutoCloseable {

    /** API Gateway's own limit on a request payload. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final RouteTable routes;
    private final List<ApiDefinition> apis;
    private final Map<String, RequestAuthorizer> authorizers;
    private final ProxyEvents events;
    private final Clock clock;
    private final Consumer<String> accessLog;

    private ApiGatewayEmulator(HttpServer server, RouteTable routes, List<ApiDefinition> apis,
            Map<String, RequestAuthorizer> authorizers, ProxyEvents events, Clock clock, Consumer<String> accessLog) {
        this.server = server;
        this.routes = routes;
        this.apis = apis;
        this.authorizers = authorizers;
        this.events = events;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    /**
     * @param functions the initialized functions by logical id
     * @param port      the loopback port, or 0 for any free port
     */
    public static ApiGatewayEmulator start(List<ApiDefinition> apis, Map<String, LocalFunction> functions,
            StackIdentity stack, int port, Clock clock, Consumer<String> accessLog) {
        Map<String, RequestAuthorizer> authorizers = new LinkedHashMap<>();
        List<Route> routeList = new ArrayList<>();
        for (LocalFunction function : functions.values()) {
            for (ApiEventDefinition event : function.definition().apiEvents()) {
                ApiDefinition api = apis.stream().filter(candidate -> candidate.logicalId().equals(event.restApiLogicalId()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no API " + event.restApiLogicalId()));
                Optional<AuthorizerDefinition> authorizer = authorizerOf(api, event);
                authorizer.ifPresent(definition -> authorizers.computeIfAbsent(api.logicalId() + "/" + definition.name(),
                        key -> new RequestAuthorizer(definition, functions.get(definition.functionLogicalId()), clock)));
                routeList.add(new Route(api, event.method(), event.path(), function, authorizer));
            }
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            String domain = "127.0.0.1:" + server.getAddress().getPort();
            ApiGatewayEmulator emulator = new ApiGatewayEmulator(server, new RouteTable(routeList), List.copyOf(apis),
                    authorizers, new ProxyEvents(stack, domain), clock, accessLog);
            server.createContext("/", emulator::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("the API Gateway emulator cannot listen on port " + port, e);
        }
    }

    private static Optional<AuthorizerDefinition> authorizerOf(ApiDefinition api, ApiEventDefinition event) {
        String name = event.authorizer() != null ? event.authorizer() : api.defaultAuthorizer().orElse(null);
        if (name == null || name.equals("NONE")) {
            return Optional.empty();
        }
        AuthorizerDefinition authorizer = api.authorizers().get(name);
        if (authorizer == null) {
            throw new IllegalStateException(api.logicalId() + " has no authorizer " + name);
        }
        return Optional.of(authorizer);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        HttpResponse response;
        String requestId = UUID.randomUUID().toString();
        HttpRequest request = null;
        try {
            request = read(exchange);
            response = respond(request, requestId);
        } catch (RuntimeException | IOException e) {
            response = GatewayResponses.render(apis.stream().findFirst(), GatewayResponseType.INTEGRATION_FAILURE,
                    new GatewayResponses.RequestFacts(requestId, exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(), ""));
        }
        write(exchange, response);
        accessLog.accept(String.format("%s %s %d %dms", exchange.getRequestMethod(), exchange.getRequestURI(),
                response.status(), (System.nanoTime() - started) / 1_000_000));
    }

    private HttpResponse respond(HttpRequest request, String requestId) {
        Instant received = clock.instant();
        Optional<RouteTable.Match> match = routes.find(request.method(), request.path());
        if (match.isEmpty()) {
            return GatewayResponses.render(apiServing(request.path()), GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                    facts(request, requestId, ""));
        }
        Route route = match.get().route();
        GatewayResponses.RequestFacts facts = facts(request, requestId, route.resourcePath());
        Optional<ApiDefinition> api = Optional.of(route.api());
        if (request.body() != null && request.body().length > MAX_PAYLOAD_BYTES) {
            return GatewayResponses.render(api, GatewayResponseType.REQUEST_TOO_LARGE, facts);
        }
        Map<String, Object> authorizerContext = null;
        if (route.authorizer().isPresent()) {
            RequestAuthorizer authorizer = authorizers.get(route.api().logicalId() + "/" + route.authorizer().get().name());
            switch (authorizer.authorize(request, events.authorizerEvent(route, match.get(), request, requestId))) {
                case AuthorizerDecision.Allowed allowed -> authorizerContext = allowed.context();
                case AuthorizerDecision.Unauthorized unauthorized -> {
                    return GatewayResponses.render(api, GatewayResponseType.UNAUTHORIZED, facts);
                }
                case AuthorizerDecision.Denied denied -> {
                    return GatewayResponses.render(api, GatewayResponseType.ACCESS_DENIED, facts);
                }
                case AuthorizerDecision.Failed failed -> {
                    return GatewayResponses.render(api, GatewayResponseType.AUTHORIZER_FAILURE, facts);
                }
            }
        }
        APIGatewayProxyRequestEvent event = events.proxyEvent(route, match.get(), request, requestId, received,
                authorizerContext);
        try {
            return proxyResponse(route.function().invoke(event), requestId);
        } catch (FunctionTimeoutException e) {
            return GatewayResponses.render(api, GatewayResponseType.INTEGRATION_TIMEOUT, facts);
        } catch (RuntimeException e) {
            System.err.println("[api-gateway " + requestId + "] " + route.function().definition().logicalId()
                    + " failed: " + e.getCause());
            return GatewayResponses.render(api, GatewayResponseType.INTEGRATION_FAILURE, facts);
        }
    }

    /** Reads the function's result as API Gateway does: as JSON with statusCode, headers and body. */
    private static HttpResponse proxyResponse(Object result, String requestId) {
        JsonNode json;
        try {
            json = JSON.readTree(LambdaJson.toJson(result));
        } catch (IOException e) {
            throw new IllegalStateException("malformed Lambda proxy response", e);
        }
        if (!json.path("statusCode").canConvertToInt()) {
            throw new IllegalStateException("malformed Lambda proxy response: no statusCode");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        json.path("headers").properties().forEach(header -> headers.put(header.getKey(),
                new ArrayList<>(List.of(header.getValue().asText()))));
        json.path("multiValueHeaders").properties().forEach(header -> {
            List<String> values = headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>());
            header.getValue().forEach(value -> values.add(value.asText()));
        });
        headers.putIfAbsent("Content-Type", List.of("application/json"));
        headers.put("x-amzn-RequestId", List.of(requestId));
        JsonNode body = json.path("body");
        byte[] bytes = body.isTextual()
                ? json.path("isBase64Encoded").asBoolean(false)
                        ? Base64.getDecoder().decode(body.textValue())
                        : body.textValue().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        return new HttpResponse(json.path("statusCode").asInt(), headers, bytes);
    }

    private Optional<ApiDefinition> apiServing(String path) {
        List<String> segments = PathTemplate.segments(path);
        String first = segments.isEmpty() ? "" : segments.getFirst();
        return routes.routes().stream()
                .filter(route -> !route.segments().isEmpty() && route.segments().getFirst().equals(first))
                .map(Route::api)
                .findFirst()
                .or(() -> apis.stream().findFirst());
    }

    private static GatewayResponses.RequestFacts facts(HttpRequest request, String requestId, String resourcePath) {
        return new GatewayResponses.RequestFacts(requestId, request.method(), request.path(), resourcePath);
    }

    private static HttpRequest read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        }
        return new HttpRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), uri.getPath(), headers,
                query, body.length == 0 ? null : body, exchange.getRemoteAddress().getAddress().getHostAddress());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void write(HttpExchange exchange, HttpResponse response) {
        try (exchange) {
            response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            boolean empty = response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }
}
