package dev.reelforge.uploads;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3UploadFiles;
import dev.reelforge.core.upload.GetUpload;
import dev.reelforge.core.upload.RequestUpload;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.priming.Priming;
import dev.reelforge.runtime.priming.PrimingInvocation;
import dev.reelforge.runtime.priming.PrimingSdkClients;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The SnapStart priming (see {@link Priming}) of uploads.jar's photos and music routes: an upload requested through
 * {@link RequestUploadFunction} (the body's fields read, a {@code PutItem} marshalled, signed and answered
 * in-process, a PUT presigned with made-up credentials, the upload written by the JSON mapper) and a photo read
 * through {@link GetUploadFunction} (a {@code GetItem}, its answer read, Picovico's error envelope written). Every
 * upload route's handler registers it from its no-arg constructor; it runs once per JVM, only at a checkpoint.
 */
public final class UploadsPriming {

    public static final String NAME = "uploads";

    static final String SAMPLE_REQUEST = "{\"kind\":\"photo\",\"content_type\":\"image/jpeg\",\"size\":524288}";

    private UploadsPriming() {}

    /** Registers the routes' priming once per JVM; returns it (the same resource however often it is asked). */
    public static Priming register() {
        return Priming.register(NAME, UploadsPriming::prime);
    }

    /** Runs the sample requests; returns what the handlers answered (a 200, then a 404). */
    static List<APIGatewayProxyResponseEvent> prime() {
        FunctionEnvironment environment = new FunctionEnvironment(Map.of("PROJECTS_TABLE", "priming-projects"),
                Clock.systemUTC());
        DynamoDbTables tables = new DynamoDbTables(PrimingSdkClients.configure(DynamoDbClient.builder()).build(),
                environment);
        S3UploadFiles files = new S3UploadFiles(PrimingSdkClients.configure(S3Client.builder()).build(),
                S3Presigner.builder().region(PrimingSdkClients.region())
                        .credentialsProvider(PrimingSdkClients.credentials()).build(),
                "priming-hosting");
        URI cdnUrl = URI.create("https://priming.invalid");
        PrimingInvocation invocation = new PrimingInvocation("uploads-priming");
        APIGatewayProxyResponseEvent requested = new RequestUploadFunction(new RequestUpload(tables.uploads(), files,
                environment.clock(), new SecureRandom()), cdnUrl)
                .handleRequest(request("POST", "/me/uploads", Map.of(), SAMPLE_REQUEST), invocation);
        APIGatewayProxyResponseEvent read = new GetUploadFunction(new GetUpload(tables.uploads(), environment.clock()),
                cdnUrl).handleRequest(request("GET", "/me/photos/{id}", Map.of("id", "019aef3c5a00a1b2c3d4e5f6"),
                null), invocation);
        return List.of(requested, read);
    }

    private static APIGatewayProxyRequestEvent request(String method, String resource,
            Map<String, String> pathParameters, String body) {
        return PrimingInvocation.apiRequest(method, pathParameters, body, Map.of("principalId", "priming",
                "owner", "priming", "environment", "stage", "appId", "priming")).withResource(resource);
    }
}
