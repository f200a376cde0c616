package dev.reelforge.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3SourceFiles;
import dev.reelforge.core.ingest.RequestSourceUpload;
import dev.reelforge.ingest.probe.ProbeFunction;
import dev.reelforge.ingest.sources.RequestSourceUploadFunction;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.priming.Priming;
import dev.reelforge.runtime.priming.PrimingInvocation;
import dev.reelforge.runtime.priming.PrimingSdkClients;
import dev.reelforge.sources.GuardedCallbackUrlCheck;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The SnapStart priming (see {@link Priming}) of ingest.jar's API routes: a direct upload requested through
 * {@link RequestSourceUploadFunction} (a JSON body with renditions read and validated, a {@code PutItem} marshalled,
 * signed and answered in-process, a PUT presigned with made-up credentials, the 200 written) and a probe through
 * {@link ProbeFunction} of a loopback URL the address guard refuses without connecting (the path decoded, the guard,
 * the 400 envelope). Both handlers register it from their no-arg constructor; it runs once per JVM, only at a
 * checkpoint.
 */
public final class IngestPriming {

    public static final String NAME = "ingest";

    /** The renditions the Ingest SDK's examples ask for, for the rendition validator to read. */
    static final String SAMPLE_UPLOAD = """
            {"outputs":{"renditions":[{"format":"mp4","size":{"width":320,"height":180},"fps":15},\
            {"format":"webm","resolution":"preview"}]}}""";

    /** {@code http://127.0.0.1/priming.mp4}, one path segment as API Gateway hands it over. */
    static final String REFUSED_URL = "http%3A%2F%2F127.0.0.1%2Fpriming.mp4";

    private IngestPriming() {}

    /** Registers the routes' priming once per JVM; returns it (the same resource however often it is asked). */
    public static Priming register() {
        return Priming.register(NAME, IngestPriming::prime);
    }

    /** Runs the sample requests; returns what the handlers answered (a 200, then a 400). */
    static List<APIGatewayProxyResponseEvent> prime() {
        FunctionEnvironment environment = new FunctionEnvironment(Map.of(
                "SOURCES_TABLE", "priming-sources",
                "ALLOW_LOOPBACK_SOURCES", "false",
                "FFMPEG", "ffmpeg"), Clock.systemUTC());
        DynamoDbTables tables = new DynamoDbTables(PrimingSdkClients.configure(DynamoDbClient.builder()).build(),
                environment);
        S3SourceFiles files = new S3SourceFiles(PrimingSdkClients.configure(S3Client.builder()).build(),
                S3Presigner.builder().region(PrimingSdkClients.region())
                        .credentialsProvider(PrimingSdkClients.credentials()).build(),
                "priming-temp", "priming-hosting", URI.create("https://priming.invalid"));
        PrimingInvocation invocation = new PrimingInvocation("ingest-priming");
        APIGatewayProxyResponseEvent requested = new RequestSourceUploadFunction(
                new RequestSourceUpload(tables.sources(), files, environment.clock()),
                new GuardedCallbackUrlCheck(false))
                .handleRequest(request("POST", Map.of("version", "stage"), SAMPLE_UPLOAD), invocation);
        APIGatewayProxyResponseEvent probed = new ProbeFunction(ProbeFunction.probeMedia(environment))
                .handleRequest(request("GET", Map.of("version", "stage", "url", REFUSED_URL), null), invocation);
        return List.of(requested, probed);
    }

    static APIGatewayProxyRequestEvent request(String method, Map<String, String> pathParameters, String body) {
        return PrimingInvocation.apiRequest(method, pathParameters, body,
                Map.of("principalId", "priming", "owner", "priming", "environment", "stage"));
    }
}
