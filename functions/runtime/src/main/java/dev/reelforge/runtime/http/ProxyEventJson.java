package dev.reelforge.runtime.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway's proxy integration events (payload format 1.0) read from and written to JSON with the one configured
 * mapper, by hand through its tree and generator: what a {@link ProxyHandler} does in place of the Lambda runtime's
 * own serializer, a second Jackson whose first use costs a cold start some 150 ms. Field names are AWS's; a field
 * that is absent or JSON {@code null} is left null, as the runtime's serializer leaves it. The event comes from
 * API Gateway, not from a client: a value of the wrong JSON type fails the invocation
 * ({@link MalformedProxyEventException}), as it would fail the runtime's deserialization.
 */
public final class ProxyEventJson {

    private ProxyEventJson() {}

    /** The request event in {@code json}. */
    public static APIGatewayProxyRequestEvent read(InputStream json) {
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new MalformedProxyEventException("the event is not JSON", e);
        }
        if (event == null || !event.isObject()) {
            throw new MalformedProxyEventException("the event is not a JSON object", null);
        }
        APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent();
        request.setVersion(text(event, "version"));
        request.setResource(text(event, "resource"));
        request.setPath(text(event, "path"));
        request.setHttpMethod(text(event, "httpMethod"));
        request.setHeaders(texts(event, "headers"));
        request.setMultiValueHeaders(textLists(event, "multiValueHeaders"));
        request.setQueryStringParameters(texts(event, "queryStringParameters"));
        request.setMultiValueQueryStringParameters(textLists(event, "multiValueQueryStringParameters"));
        request.setPathParameters(texts(event, "pathParameters"));
        request.setStageVariables(texts(event, "stageVariables"));
        JsonNode context = member(event, "requestContext");
        if (context != null) {
            request.setRequestContext(requestContext(object(context, "requestContext")));
        }
        request.setBody(text(event, "body"));
        request.setIsBase64Encoded(bool(event, "isBase64Encoded"));
        return request;
    }

    /** Writes {@code response} to {@code out} (left open), its null fields left out. */
    public static void write(APIGatewayProxyResponseEvent response, OutputStream out) {
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            if (response.getStatusCode() != null) {
                json.writeNumberField("statusCode", response.getStatusCode());
            }
            if (response.getHeaders() != null) {
                json.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                    json.writeStringField(header.getKey(), header.getValue());
                }
                json.writeEndObject();
            }
            if (response.getMultiValueHeaders() != null) {
                json.writeObjectFieldStart("multiValueHeaders");
                for (Map.Entry<String, List<String>> header : response.getMultiValueHeaders().entrySet()) {
                    json.writeArrayFieldStart(header.getKey());
                    for (String value : header.getValue()) {
                        json.writeString(value);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            if (response.getBody() != null) {
                json.writeStringField("body", response.getBody());
            }
            if (response.getIsBase64Encoded() != null) {
                json.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("the response could not be written", e);
        }
    }

    private static APIGatewayProxyRequestEvent.ProxyRequestContext requestContext(JsonNode node) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAccountId(text(node, "accountId"));
        context.setStage(text(node, "stage"));
        context.setResourceId(text(node, "resourceId"));
        context.setRequestId(text(node, "requestId"));
        context.setOperationName(text(node, "operationName"));
        context.setResourcePath(text(node, "resourcePath"));
        context.setHttpMethod(text(node, "httpMethod"));
        context.setApiId(text(node, "apiId"));
        context.setPath(text(node, "path"));
        context.setExtendedRequestId(text(node, "extendedRequestId"));
        context.setRequestTime(text(node, "requestTime"));
        context.setDomainName(text(node, "domainName"));
        context.setDomainPrefix(text(node, "domainPrefix"));
        context.setProtocol(text(node, "protocol"));
        JsonNode epoch = member(node, "requestTimeEpoch");
        if (epoch != null) {
            if (!epoch.canConvertToLong() || !epoch.isIntegralNumber()) {
                throw new MalformedProxyEventException("requestContext.requestTimeEpoch is not a whole number", null);
            }
            context.setRequestTimeEpoch(epoch.longValue());
        }
        JsonNode identity = member(node, "identity");
        if (identity != null) {
            context.setIdentity(identity(object(identity, "requestContext.identity")));
        }
        JsonNode authorizer = member(node, "authorizer");
        if (authorizer != null) {
            Map<String, Object> values = new LinkedHashMap<>();
            object(authorizer, "requestContext.authorizer").properties()
                    .forEach(entry -> values.put(entry.getKey(), value(entry.getValue())));
            context.setAuthorizer(values);
        }
        return context;
    }

    private static APIGatewayProxyRequestEvent.RequestIdentity identity(JsonNode node) {
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setCognitoIdentityPoolId(text(node, "cognitoIdentityPoolId"));
        identity.setAccountId(text(node, "accountId"));
        identity.setCognitoIdentityId(text(node, "cognitoIdentityId"));
        identity.setCaller(text(node, "caller"));
        identity.setApiKey(text(node, "apiKey"));
        identity.setPrincipalOrgId(text(node, "principalOrgId"));
        identity.setSourceIp(text(node, "sourceIp"));
        identity.setCognitoAuthenticationType(text(node, "cognitoAuthenticationType"));
        identity.setCognitoAuthenticationProvider(text(node, "cognitoAuthenticationProvider"));
        identity.setUserArn(text(node, "userArn"));
        identity.setUserAgent(text(node, "userAgent"));
        identity.setUser(text(node, "user"));
        identity.setAccessKey(text(node, "accessKey"));
        return identity;
    }

    /** What an authorizer's context value is in Java, as an untyped JSON reader gives it. */
    private static Object value(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue()
                    : node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isObject()) {
            Map<String, Object> values = new LinkedHashMap<>();
            node.properties().forEach(entry -> values.put(entry.getKey(), value(entry.getValue())));
            return values;
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            node.forEach(item -> values.add(value(item)));
            return values;
        }
        return null;
    }

    /** The member {@code name}, or null when it is absent or JSON null. */
    private static JsonNode member(JsonNode object, String name) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() ? null : node;
    }

    private static JsonNode object(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new MalformedProxyEventException(where + " is not a JSON object", null);
        }
        return node;
    }

    private static String text(JsonNode object, String name) {
        JsonNode node = member(object, name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedProxyEventException(name + " is not a string", null);
        }
        return node.textValue();
    }

    private static Boolean bool(JsonNode object, String name) {
        JsonNode node = member(object, name);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new MalformedProxyEventException(name + " is not true or false", null);
        }
        return node.booleanValue();
    }

    private static Map<String, String> texts(JsonNode object, String name) {
        JsonNode node = member(object, name);
        if (node == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        object(node, name).properties().forEach(entry -> values.put(entry.getKey(), text(node, entry.getKey())));
        return values;
    }

    private static Map<String, List<String>> textLists(JsonNode object, String name) {
        JsonNode node = member(object, name);
        if (node == null) {
            return null;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        object(node, name).properties().forEach(entry -> {
            JsonNode list = entry.getValue();
            if (list.isNull()) {
                values.put(entry.getKey(), null);
                return;
            }
            if (!list.isArray()) {
                throw new MalformedProxyEventException(name + "." + entry.getKey() + " is not a list", null);
            }
            List<String> items = new ArrayList<>(list.size());
            list.forEach(item -> {
                if (!item.isTextual()) {
                    throw new MalformedProxyEventException(name + "." + entry.getKey() + " holds a non-string", null);
                }
                items.add(item.textValue());
            });
            values.put(entry.getKey(), items);
        });
        return values;
    }
}
