package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.local.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** template.yaml is deployable as written: every function has its handler, routes follow the contract. */
class TemplateTest {

    private final SamTemplate template = SamTemplate.load(ProjectFiles.template());
    private final Map<String, Object> raw = CloudFormationYaml.read(ProjectFiles.template());

    @Test
    void everyFunctionHasAHandlerClassWithTheConstructorsLambdaAndTheEmbeddedStackUse() throws Exception {
        assertThat(template.functions()).isNotEmpty();
        for (FunctionDefinition function : template.functions()) {
            Class<?> handler = Class.forName(function.handlerClass());
            assertThat(RequestHandler.class).as(function.logicalId()).isAssignableFrom(handler);
            assertThat(handler.getConstructor()).as("%s no-arg constructor (Lambda)", function.logicalId()).isNotNull();
            assertThat(handler.getConstructor(Map.class)).as("%s environment constructor", function.logicalId()).isNotNull();
        }
    }

    @Test
    void everyCodeUriIsTheShadedJarOfAFunctionModule() throws Exception {
        for (FunctionDefinition function : template.functions()) {
            assertThat(function.codeUri()).as(function.logicalId()).matches("functions/([a-z-]+)/target/\\1\\.jar");
            String module = Path.of(function.codeUri()).getName(1).toString();
            Path pom = ProjectFiles.root().resolve("functions").resolve(module).resolve("pom.xml");
            assertThat(Files.readString(pom)).contains("<artifactId>" + module + "</artifactId>");
        }
    }

    @Test
    void everyRouteIsAnEditOrServePathOfTheContractUnderItsVersion() throws Exception {
        String contract = Files.readString(ProjectFiles.shotstackContract());
        for (FunctionDefinition function : template.functions()) {
            for (ApiEventDefinition route : function.apiEvents()) {
                assertThat(route.path()).matches("/(edit|serve)/\\{version}/.+");
                String contractPath = route.path().replaceFirst("^/(edit|serve)/\\{version}", "");
                assertThat(contract).as(route.path()).contains("\n  " + contractPath + ":\n");
            }
        }
    }

    @Test
    void theShotstackApiAuthorizesEveryRouteByApiKeyWithACachedRequestAuthorizer() {
        ApiDefinition api = template.apis().stream().filter(candidate -> candidate.logicalId().equals("ShotstackApi"))
                .findFirst().orElseThrow();
        AuthorizerDefinition authorizer = api.authorizers().get(api.defaultAuthorizer().orElseThrow());

        assertThat(authorizer.identityHeaders()).containsExactly("x-api-key");
        assertThat(authorizer.cacheTtl().toSeconds()).isPositive();
        assertThat(template.function(authorizer.functionLogicalId())).isPresent();
        assertThat(api.gatewayResponses()).containsKeys("UNAUTHORIZED", "ACCESS_DENIED", "DEFAULT_4XX", "DEFAULT_5XX");
        assertThat(api.gatewayResponses().get("UNAUTHORIZED").statusCode()).contains(401);
        assertThat(api.gatewayResponses().get("ACCESS_DENIED").statusCode()).contains(403);
    }

    @Test
    void functionsRunJava21WithSnapStartOnPublishedVersions() {
        Map<String, Object> globals = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(raw.get("Globals")).get("Function"));

        assertThat(globals.get("Runtime")).isEqualTo("java21");
        assertThat(Intrinsics.mapOrEmpty(globals.get("SnapStart")).get("ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(globals.get("AutoPublishAlias")).isNotNull();
    }

    @Test
    void functionPoliciesNameOnlyTheActionsAndTablesTheyUse() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("ApiKeyAuthorizerFunction", List.of("dynamodb:GetItem")),
                Map.entry("SubmitRenderFunction", List.of("dynamodb:PutItem")),
                Map.entry("GetRenderFunction", List.of("dynamodb:GetItem")),
                Map.entry("GetAssetFunction", List.of("dynamodb:GetItem")),
                Map.entry("GetRenderAssetsFunction", List.of("dynamodb:Query", "dynamodb:GetItem")),
                Map.entry("DeleteAssetFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]", "s3:DeleteObject")),
                Map.entry("DeleteRenderAssetsFunction",
                        List.of("dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:GetItem", "s3:DeleteObject")),
                Map.entry("RenderWorkerFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "[s3:PutObject, s3:GetObject]", "s3:GetObject", "mediaconvert:CreateJob", "iam:PassRole")),
                Map.entry("RenderStatusFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]", "s3:GetObject")),
                Map.entry("RenderSweeperFunction", List.of("dynamodb:Query", "dynamodb:UpdateItem")),
                Map.entry("PromoteOutputFunction", List.of("dynamodb:GetItem",
                        "[dynamodb:PutItem, dynamodb:GetItem, dynamodb:UpdateItem]", "s3:GetObject", "s3:ListBucket",
                        "[s3:PutObject, s3:AbortMultipartUpload, s3:DeleteObject]")),
                Map.entry("AssetSweeperFunction", List.of("dynamodb:Query", "[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "s3:DeleteObject")));
        Map<String, Object> resources = Intrinsics.mapOrEmpty(raw.get("Resources"));
        for (FunctionDefinition function : template.functions()) {
            List<?> policies = (List<?>) Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(resources.get(function.logicalId()))
                    .get("Properties")).get("Policies");
            List<Map<String, Object>> statements = policies.stream()
                    .flatMap(policy -> ((List<?>) Intrinsics.mapOrEmpty(policy).get("Statement")).stream())
                    .map(Intrinsics::mapOrEmpty)
                    .toList();
            assertThat(statements).as(function.logicalId()).isNotEmpty().allSatisfy(statement -> {
                assertThat(statement.get("Resource")).as("a resource, never *").isNotEqualTo("*").isInstanceOf(Map.class);
                assertThat(String.valueOf(statement.get("Action"))).isIn(expected.get(function.logicalId()));
            });
        }
    }

    @Test
    void everyReadIsAKeyLookupScopedToItsOwner() {
        Map<String, TableDefinition> tables = new java.util.HashMap<>();
        template.tables().forEach(table -> tables.put(table.logicalId(), table));

        assertThat(keySchema(tables.get("RendersTable"))).containsExactly("owner:HASH", "id:RANGE");
        assertThat(keySchema(tables.get("AssetsTable"))).containsExactly("owner:HASH", "id:RANGE");
        assertThat(keySchema(tables.get("AccountsTable"))).containsExactly("pk:HASH");
        List<?> assetIndexes = (List<?>) tables.get("AssetsTable").properties().get("LocalSecondaryIndexes");
        assertThat(assetIndexes).as("a render's assets are queried within the owner's partition").singleElement()
                .satisfies(index -> {
                    assertThat(Intrinsics.mapOrEmpty(index).get("IndexName")).isEqualTo(DynamoDbAssets.RENDER_INDEX);
                    assertThat(keySchema(Intrinsics.mapOrEmpty(index))).containsExactly("owner:HASH", "renderId:RANGE");
                });
    }

    @Test
    void theHostingBucketIsPrivateAndKeepsHostedCopiesUntilTheyAreDeleted() {
        BucketDefinition bucket = template.buckets().stream().filter(candidate -> candidate.logicalId().equals("HostingBucket"))
                .findFirst().orElseThrow();
        List<?> rules = (List<?>) Intrinsics.mapOrEmpty(bucket.properties().get("LifecycleConfiguration")).get("Rules");

        assertThat(rules).noneSatisfy(rule -> assertThat(Intrinsics.mapOrEmpty(rule)).containsKey("ExpirationInDays"));
        assertThat(Intrinsics.mapOrEmpty(bucket.properties().get("PublicAccessBlockConfiguration")))
                .containsEntry("BlockPublicAcls", true).containsEntry("RestrictPublicBuckets", true);
        assertThat(bucket.properties()).containsKey("BucketEncryption");
        Map<String, Object> resources = Intrinsics.mapOrEmpty(raw.get("Resources"));
        assertThat(Intrinsics.mapOrEmpty(resources.get("HostingBucket")).get("DeletionPolicy")).isEqualTo("Retain");
        assertThat(template.functions()).filteredOn(function -> function.environment().containsKey("HOSTING_BUCKET"))
                .extracting(FunctionDefinition::logicalId)
                .containsExactlyInAnyOrder("DeleteAssetFunction", "DeleteRenderAssetsFunction", "PromoteOutputFunction",
                        "AssetSweeperFunction")
                .allSatisfy(logicalId -> assertThat(template.function(logicalId).orElseThrow().environment())
                        .containsEntry("HOSTING_BUCKET", bucket.bucketName()));
    }

    @Test
    void everyRenderOutputCreatedInTheTemporaryBucketIsPromotedByAFunctionThatNamesTheBucketWithoutReferencingIt() {
        Map<String, Object> resources = Intrinsics.mapOrEmpty(raw.get("Resources"));
        Map<String, Object> promote = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(resources.get("PromoteOutputFunction"))
                .get("Properties"));
        Map<String, Object> event = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(promote.get("Events")).get("OutputCreated"));
        Map<String, Object> source = Intrinsics.mapOrEmpty(event.get("Properties"));

        assertThat(event.get("Type")).isEqualTo("S3");
        assertThat(source.get("Bucket")).isEqualTo(Map.of("Ref", "TempBucket"));
        assertThat(source.get("Events")).isEqualTo("s3:ObjectCreated:*");
        assertThat(String.valueOf(source.get("Filter"))).isEqualTo("{S3Key={Rules=[{Name=prefix, Value=renders/}]}}");
        // A Ref or GetAtt of TempBucket in the role's policy would be a circular dependency (the bucket's
        // notification configuration needs the function): the policy spells the bucket's name out instead.
        String policies = String.valueOf(promote.get("Policies"));
        assertThat(policies).doesNotContain("TempBucket");
        String tempBucketName = String.valueOf(Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(
                resources.get("TempBucket")).get("Properties")).get("BucketName")).get("Fn::Sub"));
        assertThat(policies).contains("arn:aws:s3:::" + tempBucketName + "/renders/*")
                .contains("arn:aws:s3:::" + tempBucketName + "}");
        Map<String, Object> invokeConfig = Intrinsics.mapOrEmpty(promote.get("EventInvokeConfig"));
        assertThat(invokeConfig).containsEntry("MaximumRetryAttempts", 2);
        Object patience = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(raw.get("Parameters"))
                .get("StuckAssetPatience"))).get("Default");
        assertThat(Duration.parse(String.valueOf(patience)).toSeconds())
                .as("the asset sweeper waits out every retry of a copy")
                .isGreaterThanOrEqualTo(((Number) invokeConfig.get("MaximumEventAgeInSeconds")).longValue());
        assertThat(template.function("PromoteOutputFunction").orElseThrow().environment().get("CDN_URL"))
                .startsWith("https://");
    }

    @Test
    void theTemporaryBucketExpiresRenderOutputsAfterOneDay() {
        BucketDefinition bucket = template.buckets().stream().filter(candidate -> candidate.logicalId().equals("TempBucket"))
                .findFirst().orElseThrow();
        List<?> rules = (List<?>) Intrinsics.mapOrEmpty(bucket.properties().get("LifecycleConfiguration")).get("Rules");

        assertThat(rules).anySatisfy(rule -> {
            Map<String, Object> lifecycle = Intrinsics.mapOrEmpty(rule);
            assertThat(lifecycle.get("Status")).isEqualTo("Enabled");
            assertThat(lifecycle.get("Prefix")).isEqualTo("renders/");
            assertThat(lifecycle.get("ExpirationInDays")).isEqualTo(1);
        });
    }

    private static List<String> keySchema(TableDefinition table) {
        return keySchema(table.properties());
    }

    private static List<String> keySchema(Map<String, Object> tableOrIndex) {
        return ((List<?>) tableOrIndex.get("KeySchema")).stream()
                .map(Intrinsics::mapOrEmpty)
                .map(key -> key.get("AttributeName") + ":" + key.get("KeyType"))
                .toList();
    }
}
