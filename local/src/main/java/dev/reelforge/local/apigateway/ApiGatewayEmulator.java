package dev.reelforge.local.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.local.lambda.FunctionTimeoutException;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.ApiDefinition;
import dev.reelforge.local.template.ApiEventDefinition;
import dev.reelforge.local.template.AuthorizerDefinition;
import dev.reelforge.local.template.StackIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The REST APIs of template.yaml on one loopback port. Each request is read strictly ({@link HttpListener}),
 * routed as API Gateway routes it, passed through the route's Lambda authorizer, turned into an
 * {@link APIGatewayProxyRequestEvent} and given to the function in process; what the gateway refuses itself,
 * down to a request that is not well-formed HTTP, is answered with the API's gateway responses.
 */
public final class ApiGatewayEmulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Lambda's limit on a synchronous invocation's request, the whole event as JSON: "Request must be smaller than
     * 6291456 bytes for the InvokeFunction operation". API Gateway takes bodies up to 10 MB, base64-encodes binary
     * ones into the event, and a larger event fails the invocation, which API Gateway answers as an integration
     * failure (its 5xx), never reaching the function.
     */
    static final int LAMBDA_MAX_REQUEST_BYTES = 6_291_456;

    private final RouteTable routes;
    private final List<ApiDefinition> apis;
    private final Map<String, RequestAuthorizer> authorizers;
    private final ProxyEvents events;
    private final Clock clock;
    private final Consumer<String> accessLog;
    private final HttpListener listener;

    private ApiGatewayEmulator(HttpListener listener, RouteTable routes, List<ApiDefinition> apis,
            Map<String, RequestAuthorizer> authorizers, ProxyEvents events, Clock clock, Consumer<String> accessLog) {
        this.listener = listener;
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
        HttpListener listener = HttpListener.bind(InetAddress.getLoopbackAddress(), port);
        ApiGatewayEmulator emulator = new ApiGatewayEmulator(listener, new RouteTable(routeList), List.copyOf(apis),
                authorizers, new ProxyEvents(stack, "127.0.0.1:" + listener.port()), clock, accessLog);
        listener.serve(new HttpListener.Handler() {
            @Override
            public HttpResponse respond(HttpRequest request) {
                return emulator.respond(request);
            }

            @Override
            public HttpResponse refuse(RequestRefusal refusal) {
                return emulator.refuse(refusal);
            }
        });
        return emulator;
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
        return URI.create("http://127.0.0.1:" + listener.port());
    }

    @Override
    public void close() {
        listener.close();
    }

    private HttpResponse respond(HttpRequest request) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        HttpResponse response;
        try {
            response = route(request, requestId);
        } catch (RuntimeException e) {
            System.err.println("[api-gateway " + requestId + "] failed: " + e);
            response = GatewayResponses.render(apiServing(request.path()), GatewayResponseType.INTEGRATION_FAILURE,
                    facts(request, requestId, ""));
        }
        accessLog.accept(String.format("%s %s %d %dms", request.method(), request.target(), response.status(),
                (System.nanoTime() - started) / 1_000_000));
        return response;
    }

    /** What the front end answers a request it will not pass on: the gateway response, with what is wrong. */
    private HttpResponse refuse(RequestRefusal refusal) {
        String requestId = UUID.randomUUID().toString();
        String path = refusal.path().orElse("");
        HttpResponse response = GatewayResponses.render(apiServing(path), refusal.type(),
                new GatewayResponses.RequestFacts(requestId, refusal.method().orElse(""), path, ""),
                refusal.problem());
        accessLog.accept(String.format("%s (refused: %s) %d", refusal.method().orElse("-"), refusal.problem(),
                response.status()));
        return response;
    }

    private HttpResponse route(HttpRequest request, String requestId) {
        Instant received = clock.instant();
        Optional<RouteTable.Match> match = routes.find(request.method(), request.rawPath());
        if (match.isEmpty()) {
            return GatewayResponses.render(apiServing(request.path()), GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                    facts(request, requestId, ""));
        }
        Route route = match.get().route();
        GatewayResponses.RequestFacts facts = facts(request, requestId, route.resourcePath());
        Optional<ApiDefinition> api = Optional.of(route.api());
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
        if (LambdaJson.toJson(event).getBytes(StandardCharsets.UTF_8).length >= LAMBDA_MAX_REQUEST_BYTES) {
            System.err.println("[api-gateway " + requestId + "] " + route.function().definition().logicalId()
                    + " not invoked: the event is larger than Lambda's " + LAMBDA_MAX_REQUEST_BYTES + "-byte limit");
            return GatewayResponses.render(api, GatewayResponseType.INTEGRATION_FAILURE, facts);
        }
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

    /**
     * Reads the function's result as API Gateway does: as JSON with statusCode, headers and body. A header no
     * HTTP response may carry (a name that is not a token, a value with CR, LF or another control character)
     * makes it malformed, answered 502 like any malformed Lambda proxy response.
     */
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
        headers.forEach((name, values) -> {
            if (name.isEmpty() || !RequestReader.isToken(name) || values.stream()
                    .anyMatch(value -> value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f))) {
                throw new IllegalStateException("malformed Lambda proxy response: a header no HTTP response may carry");
            }
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
}
