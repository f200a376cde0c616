package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.Account;
import dev.reelforge.core.account.ApiCredential;
import dev.reelforge.core.account.ApiKey;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.FunctionDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in events/ is accepted by its function: read as the Lambda Java runtime reads it, invoked
 * on the embedded stack, and answered with success. The data the samples refer to (the sample owner's
 * key, render and the render's hosted assets) is seeded first, as events/README.md says.
 */
class SampleEventsIT {

    private static final String SAMPLE_OWNER = "sampleowner";
    private static final String SAMPLE_KEY = "sample-api-key-for-stage-0000000000000";
    private static final UUID SAMPLE_RENDER = UUID.fromString("2abd5c11-0f3d-4c6d-ba20-235fc9b8e8b7");

    private static LocalStack stack;

    @BeforeAll
    static void seedWhatTheSamplesReferTo() throws IOException {
        stack = SharedStack.get();
        DynamoDbAccounts accounts = new DynamoDbAccounts(stack.services().dynamoDb(), stack.tableName("AccountsTable"));
        if (accounts.findCredential(new ApiKey(SAMPLE_KEY).hash()).isEmpty()) {
            accounts.add(new Account(SAMPLE_OWNER, Instant.now()),
                    List.of(new ApiCredential(new ApiKey(SAMPLE_KEY).hash(), SAMPLE_OWNER, Environment.STAGE, Instant.now())));
        }
        DynamoDbRenders renders = new DynamoDbRenders(stack.services().dynamoDb(), stack.tableName("RendersTable"));
        if (renders.find(SAMPLE_OWNER, SAMPLE_RENDER).isEmpty()) {
            JsonNode edit = Json.MAPPER.readTree(Files.readString(ProjectFiles.events()
                    .resolve("SubmitRenderFunction/post-render.json"))).path("body");
            renders.add(Render.queued(SAMPLE_RENDER, SAMPLE_OWNER, Environment.STAGE,
                    Json.MAPPER.readTree(edit.asText()), Instant.now()));
        }
        DynamoDbAssets assets = new DynamoDbAssets(stack.services().dynamoDb(), stack.tableName("AssetsTable"));
        for (String filename : List.of(SAMPLE_RENDER + ".mp4", SAMPLE_RENDER + "-poster.jpg")) {
            assets.begin(Asset.importing(SAMPLE_OWNER, Environment.STAGE, "us-east-1", SAMPLE_RENDER, filename, Instant.now()));
        }
    }

    static Stream<Path> sampleEvents() throws IOException {
        try (Stream<Path> files = Files.walk(ProjectFiles.events())) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void everyFunctionHasAtLeastOneSampleEvent() throws IOException {
        List<String> folders = sampleEvents().map(file -> file.getParent().getFileName().toString()).distinct().toList();

        assertThat(folders).containsExactlyInAnyOrderElementsOf(
                stack.template().functions().stream().map(FunctionDefinition::logicalId).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleEvents")
    void isAcceptedByItsFunction(Path file) throws IOException {
        String logicalId = file.getParent().getFileName().toString();
        LocalFunction function = stack.function(logicalId);
        Object event = LambdaJson.fromJson(Files.readString(file, StandardCharsets.UTF_8), function.eventType());

        JsonNode result = Json.MAPPER.readTree(LambdaJson.toJson(function.invoke(event)));

        switch (logicalId) {
            case "ApiKeyAuthorizerFunction" -> {
                assertThat(result.at("/policyDocument/Statement/0/Effect").asText()).as(result.toString()).isEqualTo("Allow");
                assertThat(result.at("/context/owner").asText()).isEqualTo(SAMPLE_OWNER);
            }
            case "RenderWorkerFunction" -> assertThat(result.path("batchItemFailures")).as(result.toString()).isEmpty();
            case "RenderStatusFunction", "RenderSweeperFunction" -> assertThat(result.asText()).doesNotStartWith("ignored: not");
            default -> assertThat(result.path("statusCode").asInt()).as(result.toString()).isBetween(200, 299);
        }
    }
}
