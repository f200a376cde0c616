package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.render.GetRender;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.priming.Priming;
import dev.reelforge.runtime.priming.PrimingInvocation;
import dev.reelforge.runtime.priming.PrimingSdkClients;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Shotstack face's SnapStart priming (see {@link Priming}): a sample edit submitted through
 * {@link SubmitRenderFunction} (request parsing, the JSON mapper reading the edit, the edit validator, the
 * {@code PutItem}s marshalled and signed, the 201 written) and a render read through {@link GetRenderFunction}
 * (a {@code GetItem}, its answer read, the 404 envelope written). Every Shotstack handler registers it from its
 * no-arg constructor; it runs once per JVM, only at a checkpoint.
 */
public final class ShotstackPriming {

    public static final String NAME = "shotstack";

    /** A small edit using what the first real ones commonly do: merge fields, a title, an image, a video, audio. */
    static final String SAMPLE_EDIT = """
            {"timeline":{"background":"#000000","soundtrack":{"src":"https://example.com/music.mp3",\
            "effect":"fadeOut"},"tracks":[{"clips":[{"asset":{"type":"title","text":"{{ TITLE }}",\
            "style":"minimal"},"start":0,"length":2,"transition":{"in":"fade"}},{"asset":{"type":"image",\
            "src":"https://example.com/still.jpg"},"start":2,"length":2,"effect":"zoomIn","filter":"greyscale"},\
            {"asset":{"type":"video","src":"https://example.com/clip.mp4","trim":1},"start":4,"length":3}]}]},\
            "output":{"format":"mp4","resolution":"sd"},"merge":[{"find":"TITLE","replace":"Priming"}]}""";

    private ShotstackPriming() {}

    /** Registers the face's priming once per JVM; returns it (the same resource however often it is asked). */
    public static Priming register() {
        return Priming.register(NAME, ShotstackPriming::prime);
    }

    /** Runs the sample requests; returns what the handlers answered (a 201, then a 404). */
    static List<APIGatewayProxyResponseEvent> prime() {
        FunctionEnvironment environment = environment();
        DynamoDbTables tables = tables(environment);
        PrimingInvocation invocation = new PrimingInvocation("shotstack-priming");
        APIGatewayProxyResponseEvent submitted = new SubmitRenderFunction(
                SubmitRenderFunction.submitRender(tables, environment))
                .handleRequest(request("POST", Map.of("version", "stage"), SAMPLE_EDIT), invocation);
        APIGatewayProxyResponseEvent read = new GetRenderFunction(new GetRender(tables.renders()))
                .handleRequest(request("GET", Map.of("version", "stage",
                        "id", "2abd5c11-0f3c-4c51-9a58-1ab4b6a1e1a1"), null), invocation);
        return List.of(submitted, read);
    }

    /** What the sample requests' use cases are wired with: tables on a client that answers in-process. */
    static FunctionEnvironment environment() {
        return new FunctionEnvironment(Map.of(
                "RENDERS_TABLE", "priming-renders",
                "ALLOW_LOOPBACK_CALLBACKS", "false"), Clock.systemUTC());
    }

    static DynamoDbTables tables(FunctionEnvironment environment) {
        return new DynamoDbTables(PrimingSdkClients.configure(DynamoDbClient.builder()).build(), environment);
    }

    static APIGatewayProxyRequestEvent request(String method, Map<String, String> pathParameters,
            String body) {
        return PrimingInvocation.apiRequest(method, pathParameters, body,
                Map.of("principalId", "priming", "owner", "priming", "environment", "stage"));
    }
}
