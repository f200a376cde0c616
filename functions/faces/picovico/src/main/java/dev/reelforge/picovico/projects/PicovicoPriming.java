package dev.reelforge.picovico.projects;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.project.CreateProject;
import dev.reelforge.core.project.GetProject;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.priming.Priming;
import dev.reelforge.runtime.priming.PrimingInvocation;
import dev.reelforge.runtime.priming.PrimingSdkClients;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Picovico face's SnapStart priming (see {@link Priming}): a project created through
 * {@link CreateProjectFunction} (a JSON body read by the JSON mapper, two {@code Query}s and a {@code PutItem}
 * marshalled and signed, their answers read, the video written) and one read through {@link GetProjectFunction}
 * (a {@code GetItem}, its answer read, Picovico's error envelope written). Every Picovico handler registers it from its no-arg constructor.
 */
public final class PicovicoPriming {

    public static final String NAME = "picovico";

    private PicovicoPriming() {}

    /** Registers the face's priming once per JVM; returns it (the same resource however often it is asked). */
    public static Priming register() {
        return Priming.register(NAME, PicovicoPriming::prime);
    }

    /** Runs the sample requests; returns what the handlers answered (a 200, then a 404). */
    static List<APIGatewayProxyResponseEvent> prime() {
        FunctionEnvironment environment = new FunctionEnvironment(Map.of("PROJECTS_TABLE", "priming-projects"),
                Clock.systemUTC());
        DynamoDbTables tables = new DynamoDbTables(PrimingSdkClients.configure(DynamoDbClient.builder()).build(),
                environment);
        PrimingInvocation invocation = new PrimingInvocation("picovico-priming");
        APIGatewayProxyResponseEvent created = new CreateProjectFunction(new CreateProject(tables.projects(),
                environment.clock(), new SecureRandom()))
                .handleRequest(request("POST", Map.of(), "{\"name\":\"Priming\"}"), invocation);
        APIGatewayProxyResponseEvent read = new GetProjectFunction(new GetProject(tables.projects()))
                .handleRequest(request("GET", Map.of("id", "019aef3c5a00a1b2c3d4e5f6"), null), invocation);
        return List.of(created, read);
    }

    private static APIGatewayProxyRequestEvent request(String method, Map<String, String> pathParameters,
            String body) {
        return PrimingInvocation.apiRequest(method, pathParameters, body, Map.of("principalId", "priming",
                "owner", "priming", "environment", "stage", "appId", "priming"));
    }
}
