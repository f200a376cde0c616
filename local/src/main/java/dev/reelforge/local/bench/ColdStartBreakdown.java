package dev.reelforge.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.SdkClients;
import dev.reelforge.runtime.http.ProxyEventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Where a cold start of an SDK-using function goes (run in the child JVM by {@code ColdStartRunner ...
 * breakdown}). Before constructing the handler it first does, step by step, what the function's init
 * does with the SDK ({@code SdkClients.configure}: settings, default credentials chain, URL-connection
 * HTTP client, DynamoDB client) and what its first request pays once (resolving credentials, a first
 * GetItem), and what its first request does with Reelforge's Jackson and edit validator, so that the
 * handler's own constructor and first {@code handleRequest} afterwards show what is left. Each step prints
 * {@code BREAKDOWN step=<name> ns=<nanoseconds>}.
 *
 * <p>Only the submit function is broken down; its classes (SDK, Reelforge) come from its shaded jar.
 */
final class ColdStartBreakdown {

    private ColdStartBreakdown() {}

    static void run(String handlerClassName, String eventJson, Context context) throws Exception {
        long t0 = System.nanoTime();
        FunctionEnvironment environment = FunctionEnvironment.fromSystem();
        Region region = Region.of(environment.required("AWS_REGION"));
        long t1 = System.nanoTime();
        report("settings (env vars, Region)", t1 - t0);

        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        long t2 = System.nanoTime();
        report("DefaultCredentialsProvider build", t2 - t1);

        SdkHttpClient http = UrlConnectionHttpClient.create();
        long t3 = System.nanoTime();
        report("UrlConnectionHttpClient create", t3 - t2);

        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http);
        environment.optionalUri("AWS_ENDPOINT_URL_DYNAMODB").ifPresent(builder::endpointOverride);
        DynamoDbClient client = builder.build();
        long t4 = System.nanoTime();
        report("DynamoDbClient build", t4 - t3);

        Class<?> handlerClass = Class.forName(handlerClassName);
        Object handler = handlerClass.getConstructor().newInstance();
        long t5 = System.nanoTime();
        report("handler constructor (rest of init)", t5 - t4);
        report("= init total", t5 - t0);

        byte[] eventBytes = eventJson.getBytes(StandardCharsets.UTF_8);
        Object event;
        if (handler instanceof RequestStreamHandler) {
            event = ProxyEventJson.read(new ByteArrayInputStream(eventBytes));
        } else {
            event = LambdaJson.fromJson(eventJson, ColdStartRunner.eventTypeOf(handlerClass));
        }
        long t6 = System.nanoTime();
        report(handler instanceof RequestStreamHandler ? "event read (the function's own Jackson)"
                : "event deserialize", t6 - t5);

        credentials.resolveCredentials();
        long t7 = System.nanoTime();
        report("first resolveCredentials (default chain)", t7 - t6);

        String table = System.getenv("RENDERS_TABLE");
        client.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(Map.of("owner", AttributeValue.fromS("bench-breakdown"),
                        "id", AttributeValue.fromS("00000000-0000-0000-0000-000000000000")))
                .consistentRead(true)
                .build());
        long t8 = System.nanoTime();
        report("first SDK call (GetItem, pipeline warm-up)", t8 - t7);

        client.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(Map.of("owner", AttributeValue.fromS("bench-breakdown"),
                        "id", AttributeValue.fromS("00000000-0000-0000-0000-000000000001")))
                .consistentRead(true)
                .build());
        long t9 = System.nanoTime();
        report("second SDK call (GetItem)", t9 - t8);

        String body = event instanceof APIGatewayProxyRequestEvent request ? request.getBody() : "{}";
        JsonNode edit = Json.parseTrusted(body);
        Json.write(edit);
        long t10 = System.nanoTime();
        report("Reelforge Jackson: parse + write the edit", t10 - t9);

        new EditValidator().validate(edit);
        long t11 = System.nanoTime();
        report("EditValidator: validate the edit", t11 - t10);

        long t13;
        if (handler instanceof RequestStreamHandler streams) {
            streams.handleRequest(new ByteArrayInputStream(eventBytes), new ByteArrayOutputStream(), context);
            t13 = System.nanoTime();
            report("handleRequest, its streams (rest of first invocation)", t13 - t11);
        } else {
            @SuppressWarnings("unchecked")
            Object result = ((RequestHandler<Object, Object>) handler).handleRequest(event, context);
            long t12 = System.nanoTime();
            report("handleRequest (rest of first invocation)", t12 - t11);
            LambdaJson.toJson(result);
            t13 = System.nanoTime();
            report("result serialize", t13 - t12);
        }
        report("= all", t13 - t0);
        client.close();
        System.out.flush();
    }

    private static void report(String step, long nanos) {
        System.out.println("BREAKDOWN step=" + step.replace(' ', '_') + " ns=" + nanos);
    }
}
