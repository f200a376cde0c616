package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.priming.Priming;
import dev.reelforge.runtime.priming.PrimingInvocation;
import dev.reelforge.runtime.priming.PrimingSdkClients;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The IBM face's SnapStart priming (see {@link Priming}): a video read through {@link GetVideoFunction} (the
 * authorizer's context and path parsed, a {@code GetItem} marshalled, signed and its answer read, IBM's error
 * envelope written by the JSON mapper). Every IBM handler registers it from its no-arg constructor.
 */
public final class IbmPriming {

    public static final String NAME = "ibm";

    private IbmPriming() {}

    /** Registers the face's priming once per JVM; returns it (the same resource however often it is asked). */
    public static Priming register() {
        return Priming.register(NAME, IbmPriming::prime);
    }

    /** Runs the sample request; returns what the handler answered (a 404: the made-up video is not stored). */
    static List<APIGatewayProxyResponseEvent> prime() {
        FunctionEnvironment environment = new FunctionEnvironment(Map.of(
                "VIDEOS_TABLE", "priming-videos",
                "ASSETS_TABLE", "priming-assets",
                "RENDERS_TABLE", "priming-renders"), Clock.systemUTC());
        DynamoDbTables tables = new DynamoDbTables(PrimingSdkClients.configure(DynamoDbClient.builder()).build(),
                environment);
        return List.of(new GetVideoFunction(GetVideoFunction.wire(tables)).handleRequest(
                PrimingInvocation.apiRequest("GET", Map.of("video", "3a855e38-200f-37f5-b54c-9b2981acaaef.json"),
                        null, Map.of("principalId", "priming", "owner", "priming", "environment", "stage",
                                "clientId", "priming", "managesExpiration", "true")),
                new PrimingInvocation("ibm-priming")));
    }
}
