package dev.reelforge.local.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.reelforge.local.template.StackIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shapes requests into the events API Gateway sends: the Lambda proxy integration's
 * {@link APIGatewayProxyRequestEvent} and a REQUEST authorizer's {@link APIGatewayCustomAuthorizerEvent}. A body
 * whose Content-Type is one of the API's binary media types is sent base64-encoded, others as UTF-8 text.
 */
final class ProxyEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final StackIdentity stack;
    private final String domainName;

    ProxyEvents(StackIdentity stack, String domainName) {
        this.stack = stack;
        this.domainName = domainName;
    }

    String methodArn(Route route, HttpRequest request) {
        return "arn:aws:execute-api:" + stack.region() + ":" + stack.accountId() + ":" + route.api().apiId() + "/"
                + route.api().stageName() + "/" + request.method() + request.path();
    }

    APIGatewayProxyRequestEvent proxyEvent(Route route, RouteTable.Match match, HttpRequest request,
            String requestId, Instant received, Map<String, Object> authorizerContext) {
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp(request.sourceIp());
        identity.setUserAgent(request.header("User-Agent").orElse(null));

        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAccountId(stack.accountId());
        context.setApiId(route.api().apiId());
        context.setResourceId(Integer.toHexString(route.resourcePath().hashCode()));
        context.setResourcePath(route.resourcePath());
        context.setHttpMethod(request.method());
        context.setStage(route.api().stageName());
        context.setPath("/" + route.api().stageName() + request.path());
        context.setRequestId(requestId);
        context.setExtendedRequestId(requestId);
        context.setRequestTime(REQUEST_TIME.format(received));
        context.setRequestTimeEpoch(received.toEpochMilli());
        context.setDomainName(domainName);
        context.setProtocol("HTTP/1.1");
        context.setIdentity(identity);
        if (authorizerContext != null) {
            context.setAuthorizer(authorizerContext);
        }

        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withResource(route.resourcePath())
                // as a REST API sends them: the path and its parameters still percent-encoded
                .withPath(request.rawPath())
                .withHttpMethod(request.method())
                .withHeaders(single(request.headers()))
                .withMultiValueHeaders(nullIfEmpty(request.headers()))
                .withQueryStringParameters(single(request.query()))
                .withMultiValueQueryStringParameters(nullIfEmpty(request.query()))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withRequestContext(context)
                .withStageVariables(route.api().stageVariables().isEmpty() ? null : route.api().stageVariables())
                .withIsBase64Encoded(false);
        if (request.body() != null && route.api().isBinary(request.header("Content-Type"))) {
            event.setBody(Base64.getEncoder().encodeToString(request.body()));
            event.setIsBase64Encoded(true);
        } else if (request.body() != null) {
            // a text payload: bytes that are not UTF-8 become U+FFFD, which is why the template makes every
            // media type binary
            event.setBody(new String(request.body(), StandardCharsets.UTF_8));
        }
        return event;
    }

    APIGatewayCustomAuthorizerEvent authorizerEvent(Route route, RouteTable.Match match, HttpRequest request,
            String requestId) {
        APIGatewayCustomAuthorizerEvent.RequestContext context = new APIGatewayCustomAuthorizerEvent.RequestContext();
        context.setAccountId(stack.accountId());
        context.setApiId(route.api().apiId());
        context.setResourcePath(route.resourcePath());
        context.setHttpMethod(request.method());
        context.setStage(route.api().stageName());
        context.setPath("/" + route.api().stageName() + request.path());
        context.setRequestId(requestId);

        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn(methodArn(route, request));
        event.setResource(route.resourcePath());
        event.setPath(request.rawPath());
        event.setHttpMethod(request.method());
        event.setHeaders(single(request.headers()));
        event.setQueryStringParameters(single(request.query()));
        event.setPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters());
        event.setRequestContext(context);
        return event;
    }

    /** API Gateway's single-value maps keep the last value of a repeated name. */
    private static Map<String, String> single(Map<String, List<String>> values) {
        if (values.isEmpty()) {
            return null;
        }
        Map<String, String> single = new LinkedHashMap<>();
        values.forEach((name, list) -> single.put(name, list.getLast()));
        return single;
    }

    private static Map<String, List<String>> nullIfEmpty(Map<String, List<String>> values) {
        return values.isEmpty() ? null : values;
    }
}
