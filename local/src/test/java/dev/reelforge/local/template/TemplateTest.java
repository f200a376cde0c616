package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.reelforge.aws.cloudfront.CloudFrontSignedUrls;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.dynamodb.DynamoDbTemplates;
import dev.reelforge.aws.dynamodb.DynamoDbDeliveries;
import dev.reelforge.aws.dynamodb.DynamoDbDownloadables;
import dev.reelforge.aws.dynamodb.DynamoDbIdempotencyKeys;
import dev.reelforge.aws.dynamodb.DynamoDbOAuthTokens;
import dev.reelforge.aws.dynamodb.DynamoDbVideos;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.core.video.download.DownloadFormat;
import dev.reelforge.core.video.download.Downloadable;
import dev.reelforge.core.video.download.DownloadableKey;
import dev.reelforge.runtime.FunctionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * template.yaml is deployable as written: every function has its handler, routes follow the contract, policies name
 * only what is used, buckets stay private behind their distributions.
 */
class TemplateTest {

    /** CloudFront's managed cache policy Managed-CachingOptimized. */
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    /** A deployment's public key for temporary URLs: the template has no default for it. */
    private static final byte[] PUBLIC_KEY = publicKey();

    private final SamTemplate template = SamTemplate.load(ProjectFiles.template(), StackIdentity.LOCAL,
            Map.of("TemporaryUrlPublicKey", String.join(",",
                    Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(PUBLIC_KEY).split("\n"))));
    private final Map<String, Object> raw = CloudFormationYaml.read(ProjectFiles.template());

    @Test
    void theTablesAFunctionWritesAreThoseItsPoliciesAllowItemWritesOn() {
        Map<String, Set<String>> written = new java.util.HashMap<>();
        template.functions().forEach(function -> written.put(function.logicalId(), function.writtenTables()));

        assertThat(written.get("SubmitRenderFunction")).contains("RendersTable");
        assertThat(written.get("RenderStatusFunction")).contains("RendersTable");
        assertThat(written.get("RenderWorkerFunction")).containsExactly("RendersTable");
        assertThat(written.get("ComposeChunkFunction")).containsExactly("RendersTable");
        assertThat(written.get("GetRenderFunction")).as("GetItem only").isEmpty();
        assertThat(written.values().stream().flatMap(Set::stream).distinct())
                .as("every table written is a table of the template")
                .allSatisfy(table -> assertThat(raw).extractingByKey("Resources").extracting(table).isNotNull());
    }

    @Test
    void everyFunctionHasAHandlerClassWithTheConstructorsLambdaAndTheEmbeddedStackUse() throws Exception {
        assertThat(template.functions()).isNotEmpty();
        for (FunctionDefinition function : template.functions()) {
            Class<?> handler = Class.forName(function.handlerClass());
            assertThat(RequestHandler.class).as(function.logicalId()).isAssignableFrom(handler);
            assertThat(handler.getConstructor()).as("%s no-arg constructor (Lambda)", function.logicalId()).isNotNull();
            assertThat(handler.getConstructor(FunctionEnvironment.class)).as("%s environment constructor",
                    function.logicalId()).isNotNull();
        }
    }

    @Test
    void everyCodeUriIsTheShadedJarOfAFaceOrFlowModule() throws Exception {
        for (FunctionDefinition function : template.functions()) {
            assertThat(function.codeUri()).as(function.logicalId())
                    .matches("functions/(faces/)?([a-z-]+)/target/\\2\\.jar");
            Path module = Path.of(function.codeUri()).getParent().getParent();
            Path pom = ProjectFiles.root().resolve(module).resolve("pom.xml");
            assertThat(Files.readString(pom)).contains("<artifactId>" + module.getFileName() + "</artifactId>")
                    .contains("<artifactId>maven-shade-plugin</artifactId>");
        }
    }

    /** Routes Reelforge adds to the contract's operations, each documented as an extension in the README. */
    private static final Set<String> EXTENSIONS = Set.of("GET /edit/{version}/render/{id}/callbacks",
            "DELETE /edit/{version}/render/{id}", "GET /edit/{version}/renders");

    @Test
    void everyRouteIsAnEditOrServePathOfTheContractUnderItsVersion() throws Exception {
        String contract = Files.readString(ProjectFiles.shotstackContract());
        String readme = Files.readString(ProjectFiles.root().resolve("README.md"));
        for (FunctionDefinition function : template.functions()) {
            for (ApiEventDefinition route : function.apiEvents()) {
                if (!route.restApiLogicalId().equals("ShotstackApi")) {
                    continue;
                }
                assertThat(route.path()).matches("/(edit|serve|ingest)/\\{version}/.+");
                String operation = route.method().toUpperCase(Locale.ROOT) + " " + route.path();
                if (route.method().equalsIgnoreCase("OPTIONS")) {
                    assertThat(function.logicalId()).as("%s: CORS preflights only", operation)
                            .isEqualTo("PreflightFunction");
                    continue;
                }
                if (EXTENSIONS.contains(operation)) {
                    assertThat(readme).as("an extension is documented").contains(
                            "`" + operation.replace("{version}", "{stage,v1}") + "` (a Reelforge **extension**");
                    continue;
                }
                String contractPath = route.path().replaceFirst("^/(edit|serve|ingest)/\\{version}", "");
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
    void ibmsApiServesOnlyIbmsPathsAndAuthorizesThemByBearerTokenExceptTheTokenEndpoints() {
        ApiDefinition api = template.apis().stream().filter(candidate -> candidate.logicalId().equals("IbmApi"))
                .findFirst().orElseThrow();
        AuthorizerDefinition authorizer = api.authorizers().get(api.defaultAuthorizer().orElseThrow());

        assertThat(authorizer.functionLogicalId()).isEqualTo("BearerTokenAuthorizerFunction");
        assertThat(authorizer.identityHeaders()).containsExactly("Authorization");
        assertThat(authorizer.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(api.binaryMediaTypes()).containsExactly("*/*");
        assertThat(api.gatewayResponses().get("UNAUTHORIZED").headers())
                .containsEntry("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        assertThat(api.gatewayResponses().get("DEFAULT_5XX").statusCode()).contains(503);
        for (FunctionDefinition function : template.functions()) {
            for (ApiEventDefinition route : function.apiEvents()) {
                if (!route.restApiLogicalId().equals("IbmApi")) {
                    continue;
                }
                assertThat(route.path()).as(function.logicalId()).matches("/(oauth2|videos|channels|users)(/.*)?");
                assertThat(function.codeUri()).isEqualTo("functions/faces/ibm/target/ibm.jar");
                if (route.method().equalsIgnoreCase("OPTIONS")) {
                    // a browser's preflight carries no token (README, "CORS")
                    assertThat(function.logicalId()).as("%s: CORS preflights only", route.path())
                            .isEqualTo("IbmPreflightFunction");
                    assertThat(route.authorizer()).isEqualTo("NONE");
                    continue;
                }
                assertThat(route.authorizer()).as("%s %s", route.method(), route.path())
                        .isEqualTo(route.path().startsWith("/oauth2/") ? "NONE" : null);
            }
        }
        assertThat(template.functions()).flatExtracting(FunctionDefinition::apiEvents)
                .filteredOn(route -> route.restApiLogicalId().equals("IbmApi"))
                .extracting(route -> route.method().toUpperCase(Locale.ROOT) + " " + route.path())
                .contains("POST /oauth2/token", "POST /oauth2/token/revoke");
    }

    @Test
    void ibmsFunctionsReachOnlyTheIbmItemsOfTheAccountsTable() {
        for (FunctionDefinition function : template.functions()) {
            if (!function.codeUri().equals("functions/faces/ibm/target/ibm.jar")) {
                continue;
            }
            assertThat(statements(function.logicalId()))
                    .filteredOn(statement -> Map.of("Fn::GetAtt", List.of("AccountsTable", "Arn"))
                            .equals(statement.get("Resource")))
                    .allSatisfy(statement -> assertThat(statement.get("Condition")).as(function.logicalId())
                            .isIn(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys",
                                            List.of("ibmtoken#*"))),
                                    Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys",
                                            List.of("ibmclient#*", "ibmtoken#*")))));
        }
    }

    @Test
    void picovicosApiServesOnlyPicovicosPathsAndAuthorizesThemByAccessPairExceptLogin() {
        ApiDefinition api = template.apis().stream().filter(candidate -> candidate.logicalId().equals("PicovicoApi"))
                .findFirst().orElseThrow();
        AuthorizerDefinition authorizer = api.authorizers().get(api.defaultAuthorizer().orElseThrow());

        assertThat(authorizer.functionLogicalId()).isEqualTo("AccessPairAuthorizerFunction");
        assertThat(authorizer.identityHeaders()).containsExactly("X-Access-Key", "X-Access-Token");
        assertThat(authorizer.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(api.binaryMediaTypes()).containsExactly("*/*");
        assertThat(api.gatewayResponses().get("UNAUTHORIZED").statusCode()).contains(401);
        assertThat(api.gatewayResponses().get("DEFAULT_5XX").statusCode()).contains(500);
        for (FunctionDefinition function : template.functions()) {
            for (ApiEventDefinition route : function.apiEvents()) {
                if (!route.restApiLogicalId().equals("PicovicoApi")) {
                    continue;
                }
                assertThat(route.path()).as(function.logicalId()).matches("/(login|me|styles|musics|v)(/.*)?");
                // the photos and music routes need S3 and ffmpeg: their own jar (FunctionJarsIT)
                assertThat(function.codeUri()).isIn("functions/faces/picovico/target/picovico.jar",
                        "functions/uploads/target/uploads.jar");
                if (route.method().equalsIgnoreCase("OPTIONS")) {
                    // a browser's preflight carries no access pair (README, "CORS")
                    assertThat(function.logicalId()).as("%s: CORS preflights only", route.path())
                            .isEqualTo("PicovicoPreflightFunction");
                    assertThat(route.authorizer()).isEqualTo("NONE");
                    continue;
                }
                assertThat(route.authorizer()).as("%s %s", route.method(), route.path())
                        .isEqualTo(route.path().startsWith("/login/") || route.path().startsWith("/v/") ? "NONE" : null);
            }
        }
        assertThat(template.functions()).flatExtracting(FunctionDefinition::apiEvents)
                .filteredOn(route -> route.restApiLogicalId().equals("PicovicoApi"))
                .extracting(route -> route.method().toUpperCase(Locale.ROOT) + " " + route.path())
                .contains("POST /login/app", "GET /me", "POST /me/videos", "GET /me/videos", "GET /me/videos/{id}",
                        "POST /me/videos/{id}", "DELETE /me/videos/{id}", "GET /styles", "GET /me/styles",
                        "POST /me/videos/{id}/render", "GET /v/{id}/{name}",
                        "PUT /me/photos", "POST /me/photos", "GET /me/photos", "GET /me/photos/{id}",
                        "DELETE /me/photos/{id}", "PUT /me/musics", "POST /me/musics", "GET /me/musics",
                        "GET /me/musics/{id}", "DELETE /me/musics/{id}", "POST /me/uploads");
    }

    @Test
    void picovicosCredentialFunctionsReachOnlyTheirOwnItemsOfTheAccountsTable() {
        Map<String, List<String>> leadingKeys = Map.of(
                "AccessPairAuthorizerFunction", List.of("picovicoaccess#*"),
                "LoginAppFunction", List.of("picovicoapp#*", "picovicoaccess#*"),
                "GetMeFunction", List.of("credits#*"),
                "RenderProjectFunction", List.of("credits#*"),
                "SettleProjectsFunction", List.of("credits#*"));
        leadingKeys.forEach((function, prefixes) -> assertThat(statements(function))
                .filteredOn(statement -> Map.of("Fn::GetAtt", List.of("AccountsTable", "Arn"))
                        .equals(statement.get("Resource")))
                .isNotEmpty()
                .allSatisfy(statement -> assertThat(statement.get("Condition")).as(function)
                        .isIn(prefixes.stream().map(prefix -> Map.of("ForAllValues:StringLike",
                                Map.of("dynamodb:LeadingKeys", List.of(prefix)))).toList()))
                .extracting(statement -> statement.get("Condition"))
                .hasSize(prefixes.size()));
        assertThat(statements("AccessPairAuthorizerFunction")).extracting(statement -> statement.get("Action"))
                .containsExactly("dynamodb:GetItem");
        assertThat(statements("GetMeFunction")).extracting(statement -> statement.get("Action"))
                .containsExactly("dynamodb:GetItem");
    }

    @Test
    void ibmTokensExpireByTheAttributeTheAdapterWritesInTheAccountsTable() {
        TableDefinition accounts = template.tables().stream()
                .filter(table -> table.logicalId().equals("AccountsTable")).findFirst().orElseThrow();

        assertThat(accounts.properties().get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", DynamoDbOAuthTokens.EXPIRES, "Enabled", true));
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
                Map.entry("BearerTokenAuthorizerFunction", List.of("dynamodb:GetItem")),
                Map.entry("IbmPreflightFunction", List.of()),
                Map.entry("IssueTokenFunction", List.of("[dynamodb:GetItem, dynamodb:PutItem, dynamodb:DeleteItem]")),
                Map.entry("RevokeTokenFunction", List.of("[dynamodb:GetItem, dynamodb:DeleteItem]")),
                Map.entry("AccessPairAuthorizerFunction", List.of("dynamodb:GetItem")),
                Map.entry("PicovicoPreflightFunction", List.of()),
                Map.entry("LoginAppFunction", List.of("dynamodb:GetItem", "dynamodb:PutItem")),
                Map.entry("GetMeFunction", List.of("dynamodb:GetItem")),
                Map.entry("CreateProjectFunction", List.of("[dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]")),
                Map.entry("GetProjectFunction", List.of("dynamodb:GetItem")),
                Map.entry("UpdateProjectFunction", List.of("[dynamodb:GetItem, dynamodb:PutItem]")),
                Map.entry("DeleteProjectFunction", List.of("[dynamodb:GetItem, dynamodb:DeleteItem]",
                        "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:GetItem")),
                Map.entry("RenderProjectFunction", List.of("[dynamodb:GetItem, dynamodb:PutItem, dynamodb:DeleteItem]",
                        "dynamodb:PutItem", "dynamodb:UpdateItem")),
                Map.entry("PublicLinkFunction", List.of("dynamodb:GetItem")),
                Map.entry("SettleProjectsFunction", List.of("dynamodb:GetItem", "[dynamodb:GetItem, dynamodb:PutItem]",
                        "dynamodb:UpdateItem", "sqs:SendMessage")),
                Map.entry("ListProjectsFunction", List.of("dynamodb:Query")),
                Map.entry("ListStylesFunction", List.of()),
                Map.entry("ListMusicsFunction", List.of()),
                Map.entry("GetMusicFunction", List.of()),
                Map.entry("MusicLibraryFunction", List.of("[s3:GetObject, s3:PutObject]", "s3:ListBucket")),
                Map.entry("DashboardPublisherFunction", List.of("[s3:PutObject, s3:DeleteObject]", "s3:ListBucket")),
                Map.entry("AddUploadFunction", List.of("dynamodb:PutItem", "s3:PutObject")),
                Map.entry("GetUploadFunction", List.of("dynamodb:GetItem")),
                Map.entry("ListUploadsFunction", List.of("dynamodb:Query")),
                Map.entry("DeleteUploadFunction", List.of("[dynamodb:GetItem, dynamodb:DeleteItem]",
                        "s3:DeleteObject")),
                Map.entry("RequestUploadFunction", List.of("dynamodb:PutItem", "s3:PutObject")),
                Map.entry("CheckUploadFunction", List.of("[dynamodb:GetItem, dynamodb:PutItem]",
                        "[s3:GetObject, s3:DeleteObject]", "s3:ListBucket")),
                Map.entry("SubmitRenderFunction", List.of("[dynamodb:PutItem, dynamodb:GetItem]")),
                Map.entry("GetRenderFunction", List.of("dynamodb:GetItem")),
                Map.entry("ListRendersFunction", List.of("dynamodb:Query")),
                Map.entry("PreflightFunction", List.of()),
                Map.entry("CancelRenderFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]")),
                Map.entry("CreateTemplateFunction", List.of("dynamodb:PutItem", "dynamodb:Query")),
                Map.entry("ListTemplatesFunction", List.of("dynamodb:Query")),
                Map.entry("GetTemplateFunction", List.of("dynamodb:GetItem")),
                Map.entry("UpdateTemplateFunction", List.of("[dynamodb:GetItem, dynamodb:PutItem]")),
                Map.entry("DeleteTemplateFunction", List.of("dynamodb:DeleteItem")),
                Map.entry("RenderTemplateFunction", List.of("dynamodb:GetItem", "[dynamodb:PutItem, dynamodb:GetItem]")),
                Map.entry("GetAssetFunction", List.of("dynamodb:GetItem")),
                Map.entry("GetRenderAssetsFunction", List.of("dynamodb:Query", "dynamodb:GetItem")),
                Map.entry("DeleteAssetFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]")),
                Map.entry("DeleteRenderAssetsFunction", List.of("dynamodb:Query", "dynamodb:UpdateItem",
                        "dynamodb:GetItem")),
                Map.entry("RemoveHostedFilesFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "s3:DeleteObject", "cloudfront:CreateInvalidation",
                        "[dynamodb:Query, dynamodb:GetItem, dynamodb:UpdateItem]", "dynamodb:UpdateItem")),
                Map.entry("RenderWorkerFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "[s3:PutObject, s3:GetObject, s3:DeleteObject]", "s3:GetObject", "mediaconvert:CreateJob",
                        "[mediaconvert:CancelJob, mediaconvert:GetJob]", "iam:PassRole", "sqs:SendMessage",
                        "secretsmanager:GetSecretValue")),
                Map.entry("ComposeChunkFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "[s3:PutObject, s3:GetObject]", "s3:GetObject", "mediaconvert:CreateJob",
                        "[mediaconvert:CancelJob, mediaconvert:GetJob]", "iam:PassRole")),
                Map.entry("StopCancelledRenderFunction", List.of("dynamodb:GetItem",
                        "[mediaconvert:CancelJob, mediaconvert:GetJob]", "s3:DeleteObject", "dynamodb:Query",
                        "dynamodb:UpdateItem")),
                Map.entry("RenderStatusFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "secretsmanager:GetSecretValue")),
                Map.entry("RenderSweeperFunction", List.of("dynamodb:Query", "dynamodb:UpdateItem")),
                Map.entry("PromoteOutputFunction", List.of("dynamodb:GetItem",
                        "[dynamodb:PutItem, dynamodb:GetItem, dynamodb:UpdateItem]", "[dynamodb:PutItem, dynamodb:UpdateItem]",
                        "s3:GetObject",
                        "s3:ListBucket",
                        "[s3:PutObject, s3:AbortMultipartUpload, s3:DeleteObject]", "cloudfront:CreateInvalidation",
                        "[sts:AssumeRole]")),
                Map.entry("AssetSweeperFunction", List.of("dynamodb:Query", "dynamodb:Query",
                        "[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "s3:DeleteObject", "cloudfront:CreateInvalidation",
                        "[dynamodb:Query, dynamodb:GetItem, dynamodb:UpdateItem]", "dynamodb:UpdateItem")),
                Map.entry("DispatchCallbacksFunction", List.of("dynamodb:GetItem",
                        "[dynamodb:GetItem, dynamodb:PutItem]", "sqs:SendMessage")),
                Map.entry("SendCallbacksFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "[dynamodb:GetItem, dynamodb:PutItem]", "sqs:SendMessage")),
                Map.entry("RetryCallbacksFunction", List.of("dynamodb:Query", "[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "sqs:SendMessage")),
                Map.entry("GetRenderCallbacksFunction", List.of("dynamodb:GetItem", "dynamodb:Query")),
                Map.entry("PostSourceFunction", List.of("dynamodb:PutItem")),
                Map.entry("RequestSourceUploadFunction", List.of("dynamodb:PutItem", "s3:PutObject")),
                Map.entry("ListSourcesFunction", List.of("dynamodb:Query")),
                Map.entry("GetSourceFunction", List.of("dynamodb:GetItem")),
                Map.entry("DeleteSourceFunction", List.of("[dynamodb:GetItem, dynamodb:PutItem]", "dynamodb:Query",
                        "dynamodb:UpdateItem")),
                Map.entry("ImportSourceFunction", List.of("[dynamodb:GetItem, dynamodb:PutItem]",
                        "[dynamodb:PutItem, dynamodb:GetItem, dynamodb:UpdateItem]", "s3:PutObject", "s3:GetObject",
                        "mediaconvert:CreateJob", "iam:PassRole")),
                Map.entry("ImportUploadFunction", List.of("[dynamodb:GetItem, dynamodb:PutItem]",
                        "[dynamodb:PutItem, dynamodb:GetItem, dynamodb:UpdateItem]", "s3:GetObject", "s3:ListBucket",
                        "s3:PutObject", "mediaconvert:CreateJob", "iam:PassRole")),
                Map.entry("RenditionJobEventsFunction", List.of("[dynamodb:GetItem, dynamodb:PutItem]",
                        "[dynamodb:PutItem, dynamodb:GetItem, dynamodb:UpdateItem]")),
                Map.entry("DispatchSourceCallbacksFunction", List.of("dynamodb:GetItem",
                        "[dynamodb:GetItem, dynamodb:PutItem]", "sqs:SendMessage")),
                Map.entry("GetDownloadableFunction", List.of("dynamodb:GetItem")),
                Map.entry("RequestDownloadableFunction", List.of("dynamodb:GetItem",
                        "[dynamodb:GetItem, dynamodb:PutItem]")),
                Map.entry("PrepareMp4DownloadFunction", List.of("dynamodb:GetItem",
                        "[dynamodb:GetItem, dynamodb:UpdateItem]", "s3:GetObject", "s3:ListBucket",
                        "[s3:PutObject, s3:AbortMultipartUpload, s3:DeleteObject]", "secretsmanager:GetSecretValue")),
                Map.entry("MakeFlvDownloadFunction", List.of("dynamodb:GetItem",
                        "[dynamodb:GetItem, dynamodb:UpdateItem]", "s3:GetObject", "s3:ListBucket",
                        "[s3:PutObject, s3:DeleteObject]", "secretsmanager:GetSecretValue")),
                Map.entry("FailStuckDownloadsFunction", List.of("dynamodb:Query",
                        "[dynamodb:GetItem, dynamodb:UpdateItem]")),
                Map.entry("ExpireVideosFunction", List.of("dynamodb:Query", "[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "dynamodb:GetItem", "[dynamodb:GetItem, dynamodb:PutItem]", "sqs:SendMessage")),
                Map.entry("GetVideoFunction", List.of("dynamodb:GetItem", "dynamodb:Query")),
                Map.entry("UpdateVideoFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]", "dynamodb:GetItem",
                        "dynamodb:Query")),
                Map.entry("DeleteVideoFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]")),
                Map.entry("GetVideoExpirationFunction", List.of("dynamodb:GetItem")),
                Map.entry("SetVideoExpirationFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "dynamodb:GetItem")),
                Map.entry("ListChannelVideosFunction", List.of("dynamodb:Query", "dynamodb:GetItem")),
                // derived from the caller alone: no policy at all
                Map.entry("ListChannelsFunction", List.of()),
                Map.entry("GetChannelFunction", List.of()),
                // probes fetch from users' URLs only
                Map.entry("ProbeFunction", List.of()),
                Map.entry("TransferAssetFunction", List.of("dynamodb:PutItem")),
                Map.entry("HostTransfersFunction", List.of("[dynamodb:GetItem, dynamodb:UpdateItem]",
                        "[s3:PutObject, s3:DeleteObject]")),
                // a transferred file, read from hosting, written as the owner's role (or the stack, locally)
                Map.entry("DeliverTransfersFunction", List.of("dynamodb:GetItem", "s3:GetObject", "s3:ListBucket",
                        "[sts:AssumeRole]")));
        Map<String, Object> resources = Intrinsics.mapOrEmpty(raw.get("Resources"));
        for (FunctionDefinition function : template.functions()) {
            Object declared = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(resources.get(function.logicalId()))
                    .get("Properties")).get("Policies");
            if (expected.get(function.logicalId()).isEmpty()) {
                assertThat(declared).as(function.logicalId()).isNull();
                continue;
            }
            List<?> policies = (List<?>) declared;
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
        assertThat(keySchema(tables.get("ProjectsTable"))).containsExactly("scope:HASH", "sk:RANGE");
        assertThat(keySchema(tables.get("TemplatesTable"))).containsExactly("owner:HASH", "id:RANGE");
        List<?> templateIndexes = (List<?>) tables.get("TemplatesTable").properties().get("LocalSecondaryIndexes");
        assertThat(templateIndexes).as("an owner's templates are listed within the owner's partition").singleElement()
                .satisfies(index -> {
                    assertThat(Intrinsics.mapOrEmpty(index).get("IndexName")).isEqualTo(DynamoDbTemplates.CREATED_INDEX);
                    assertThat(keySchema(Intrinsics.mapOrEmpty(index))).containsExactly("owner:HASH", "created:RANGE");
                });
        List<?> assetIndexes = (List<?>) tables.get("AssetsTable").properties().get("LocalSecondaryIndexes");
        assertThat(assetIndexes).as("a render's assets are queried within the owner's partition").singleElement()
                .satisfies(index -> {
                    assertThat(Intrinsics.mapOrEmpty(index).get("IndexName")).isEqualTo(DynamoDbAssets.RENDER_INDEX);
                    assertThat(keySchema(Intrinsics.mapOrEmpty(index))).containsExactly("owner:HASH", "renderId:RANGE");
                });
    }

    @Test
    void idempotencyKeyRecordsExpireByTheAttributeTheAdapterWrites() {
        TableDefinition renders = template.tables().stream()
                .filter(table -> table.logicalId().equals("RendersTable")).findFirst().orElseThrow();

        assertThat(renders.properties().get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", DynamoDbIdempotencyKeys.EXPIRES, "Enabled", true));
    }

    @Test
    void callbackDeliveriesAreReadByWebhookIdAndSweptAndListedThroughTheIndexesTheAdapterQueries() {
        TableDefinition deliveries = template.tables().stream()
                .filter(table -> table.logicalId().equals("DeliveriesTable")).findFirst().orElseThrow();

        assertThat(keySchema(deliveries)).containsExactly("id:HASH");
        Map<Object, List<String>> indexes = new java.util.HashMap<>();
        ((List<?>) deliveries.properties().get("GlobalSecondaryIndexes")).stream().map(Intrinsics::mapOrEmpty)
                .forEach(index -> {
                    assertThat(Intrinsics.mapOrEmpty(index.get("Projection")).get("ProjectionType"))
                            .as("a query needs no further reads").isEqualTo("ALL");
                    indexes.put(index.get("IndexName"), keySchema(index));
                });
        assertThat(indexes).containsOnly(
                Map.entry(DynamoDbDeliveries.DUE_INDEX, List.of("due:HASH", "nextAttemptAt:RANGE")),
                Map.entry(DynamoDbDeliveries.RENDER_INDEX, List.of("renderKey:HASH", "created:RANGE")));
    }

    @Test
    void videosAreReadByIdAndListedAndSweptThroughTheSparseIndexesTheAdapterQueries() {
        TableDefinition videos = template.tables().stream()
                .filter(table -> table.logicalId().equals("VideosTable")).findFirst().orElseThrow();

        assertThat(keySchema(videos)).containsExactly("id:HASH");
        Map<Object, List<String>> indexes = new java.util.HashMap<>();
        Map<Object, Object> projections = new java.util.HashMap<>();
        ((List<?>) videos.properties().get("GlobalSecondaryIndexes")).stream().map(Intrinsics::mapOrEmpty)
                .forEach(index -> {
                    indexes.put(index.get("IndexName"), keySchema(index));
                    projections.put(index.get("IndexName"),
                            Intrinsics.mapOrEmpty(index.get("Projection")).get("ProjectionType"));
                });
        assertThat(indexes).containsOnly(
                Map.entry(DynamoDbVideos.CHANNEL_INDEX, List.of("channel:HASH", "added:RANGE")),
                Map.entry(DynamoDbVideos.EXPIRING_INDEX, List.of("expiring:HASH", "expiresAt:RANGE")));
        assertThat(projections).as("a listing needs no further reads; the sweep reads each video as it claims it")
                .containsOnly(Map.entry(DynamoDbVideos.CHANNEL_INDEX, "ALL"),
                        Map.entry(DynamoDbVideos.EXPIRING_INDEX, "KEYS_ONLY"));
        assertThat(String.valueOf(videos.properties().get("AttributeDefinitions")))
                .as("the sweep compares Unix seconds").contains("{AttributeName=expiresAt, AttributeType=N}");
    }

    @Test
    void theExpirationSweepRunsEveryMinuteAndQueriesOnlyItsIndex() {
        FunctionDefinition sweep = template.function("ExpireVideosFunction").orElseThrow();
        Map<String, Object> properties = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(
                Intrinsics.mapOrEmpty(raw.get("Resources")).get("ExpireVideosFunction")).get("Properties"));

        assertThat(sweep.scheduleEvents()).singleElement()
                .satisfies(schedule -> assertThat(schedule.period()).isEqualTo(Duration.ofMinutes(1)));
        assertThat(String.valueOf(properties.get("Policies")))
                .contains("dynamodb:Query, Resource={Fn::Sub=${VideosTable.Arn}/index/expiring-expiresAt}")
                .doesNotContain("dynamodb:Scan");
    }

    @Test
    void callbackMessagesAreKeptFourDaysAndDeadLetteredAfterFiveReceivesWhereTheyAreKeptFourteen() {
        QueueDefinition callbacks = queue("CallbacksQueue");
        QueueDefinition deadLetters = queue("CallbacksDeadLetterQueue");

        assertThat(callbacks.properties()).containsEntry("VisibilityTimeout", 60)
                .containsEntry("MessageRetentionPeriod", (int) Duration.ofDays(4).toSeconds())
                .containsEntry("RedrivePolicy", Map.of("deadLetterTargetArn", deadLetters.arn(), "maxReceiveCount", 5));
        assertThat(deadLetters.properties()).containsEntry("MessageRetentionPeriod", (int) Duration.ofDays(14).toSeconds())
                .doesNotContainKey("RedrivePolicy");
    }

    private QueueDefinition queue(String logicalId) {
        return template.queues().stream().filter(queue -> queue.logicalId().equals(logicalId)).findFirst().orElseThrow();
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
                .containsExactlyInAnyOrder("RemoveHostedFilesFunction", "PromoteOutputFunction",
                        "AssetSweeperFunction", "PrepareMp4DownloadFunction", "MakeFlvDownloadFunction",
                        "MusicLibraryFunction",
                        "AddUploadFunction", "DeleteUploadFunction", "RequestUploadFunction", "CheckUploadFunction",
                        "HostTransfersFunction", "DeliverTransfersFunction",
                        "RequestSourceUploadFunction", "ImportSourceFunction", "ImportUploadFunction",
                        "RenditionJobEventsFunction")
                .allSatisfy(logicalId -> assertThat(template.function(logicalId).orElseThrow().environment())
                        .containsEntry("HOSTING_BUCKET", bucket.bucketName()));
    }

    @Test
    void everyUploadExtensionWrittenToTheHostingBucketIsCheckedByAFunctionThatNamesTheBucketWithoutReferencingIt() {
        Map<String, Object> resources = Intrinsics.mapOrEmpty(raw.get("Resources"));
        Map<String, Object> check = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(resources.get("CheckUploadFunction"))
                .get("Properties"));
        List<String> suffixes = new java.util.ArrayList<>();
        Intrinsics.mapOrEmpty(check.get("Events")).values().forEach(declared -> {
            Map<String, Object> event = Intrinsics.mapOrEmpty(declared);
            Map<String, Object> source = Intrinsics.mapOrEmpty(event.get("Properties"));
            assertThat(event.get("Type")).isEqualTo("S3");
            assertThat(source.get("Bucket")).isEqualTo(Map.of("Ref", "HostingBucket"));
            suffixes.add(String.valueOf(source.get("Filter")).replaceAll(".*Value=([^}]*)}.*", "$1"));
        });

        assertThat(suffixes).containsExactlyInAnyOrder(".jpg", ".png", ".mp3", ".wav", ".m4a");
        // the bucket's notification configuration needs the function: a Ref or GetAtt back would be circular
        assertThat(String.valueOf(check.get("Policies")) + check.get("Environment")).doesNotContain("HostingBucket",
                "HostingDistribution");
        assertThat(template.function("CheckUploadFunction").orElseThrow().environment().get("HOSTING_BUCKET"))
                .isEqualTo(template.buckets().stream().filter(bucket -> bucket.logicalId().equals("HostingBucket"))
                        .findFirst().orElseThrow().bucketName());
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
    void downloadablesAreMadeFromTheirTablesStreamOneFunctionPerFormatAndOnlyWhilePending() {
        TableDefinition downloadables = template.tables().stream()
                .filter(table -> table.logicalId().equals("DownloadablesTable")).findFirst().orElseThrow();
        assertThat(keySchema(downloadables)).containsExactly("owner:HASH", "id:RANGE");
        assertThat(((List<?>) downloadables.properties().get("GlobalSecondaryIndexes"))).singleElement()
                .satisfies(index -> {
                    assertThat(Intrinsics.mapOrEmpty(index).get("IndexName")).isEqualTo(DynamoDbDownloadables.PENDING_INDEX);
                    assertThat(keySchema(Intrinsics.mapOrEmpty(index))).containsExactly("pending:HASH", "requested:RANGE");
                });
        Map<String, String> makers = Map.of("PrepareMp4DownloadFunction", "mp4", "MakeFlvDownloadFunction", "flv");
        makers.forEach((logicalId, format) -> assertThat(template.function(logicalId).orElseThrow().streamEvents())
                .as(logicalId).singleElement().satisfies(event -> {
                    assertThat(event.tableLogicalId()).isEqualTo("DownloadablesTable");
                    assertThat(event.patterns()).singleElement().isEqualTo(Map.of(
                            "eventName", List.of("INSERT", "MODIFY"),
                            "dynamodb", Map.of("NewImage", Map.of("format", Map.of("S", List.of(format)),
                                    "status", Map.of("S", List.of("pending"))))));
                }));
        assertThat(template.function("MakeFlvDownloadFunction").orElseThrow().environment())
                .containsEntry("FFMPEG", "/opt/bin/ffmpeg");
        assertThat(template.function("FailStuckDownloadsFunction").orElseThrow().environment())
                .containsEntry("STUCK_DOWNLOAD_PATIENCE", "PT15M");
    }

    @Test
    void aDownloadsFileIsServedByTheTemporaryDistributionAndExpiresWithTheTemporaryBucketsRuleAfterItsUrl() {
        String key = Downloadable.objectKey(new DownloadableKey("owner1", UUID.randomUUID(), DownloadFormat.FLV), 3);
        BucketDefinition bucket = template.buckets().stream().filter(candidate -> candidate.logicalId().equals("TempBucket"))
                .findFirst().orElseThrow();
        List<?> rules = (List<?>) Intrinsics.mapOrEmpty(bucket.properties().get("LifecycleConfiguration")).get("Rules");
        DistributionDefinition temporary = template.distributions().stream()
                .filter(distribution -> distribution.logicalId().equals("TempDistribution")).findFirst().orElseThrow();

        assertThat(key).startsWith(temporary.originPath() + "/");
        assertThat(rules).anySatisfy(rule -> {
            Map<String, Object> lifecycle = Intrinsics.mapOrEmpty(rule);
            assertThat(key).startsWith(String.valueOf(lifecycle.get("Prefix")));
            assertThat(lifecycle.get("ExpirationInDays")).isEqualTo(1);
        });
        Object lifetime = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(raw.get("Parameters")).get("DownloadLifetime"))
                .get("Default");
        assertThat(Duration.parse(String.valueOf(lifetime))).as("seed 001: 24 hours, no longer than the file lives")
                .isEqualTo(Duration.ofHours(24));
        for (String logicalId : List.of("PrepareMp4DownloadFunction", "MakeFlvDownloadFunction")) {
            assertThat(template.function(logicalId).orElseThrow().environment()).containsEntry("DOWNLOAD_LIFETIME", "PT24H");
        }
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

    @Test
    void everyDistributionReadsItsPrivateBucketThroughOriginAccessControlOverHttpsOnly() {
        for (String logicalId : List.of("TempDistribution", "HostingDistribution", "DashboardDistribution")) {
            Map<String, Object> config = properties(logicalId, "DistributionConfig");
            Map<String, Object> origin = Intrinsics.mapOrEmpty(((List<?>) config.get("Origins")).getFirst());
            Map<String, Object> behavior = Intrinsics.mapOrEmpty(config.get("DefaultCacheBehavior"));

            assertThat(origin.get("OriginAccessControlId")).as(logicalId)
                    .isEqualTo(Map.of("Fn::GetAtt", List.of("BucketOriginAccessControl", "Id")));
            assertThat(Intrinsics.mapOrEmpty(origin.get("S3OriginConfig"))).as("no origin access identity with OAC")
                    .containsEntry("OriginAccessIdentity", "");
            assertThat(behavior).as(logicalId).containsEntry("ViewerProtocolPolicy", "redirect-to-https")
                    .containsEntry("AllowedMethods", List.of("GET", "HEAD"))
                    .containsEntry("CachePolicyId", CACHING_OPTIMIZED);
        }
        assertThat(properties("BucketOriginAccessControl", "OriginAccessControlConfig"))
                .containsEntry("OriginAccessControlOriginType", "s3").containsEntry("SigningBehavior", "always")
                .containsEntry("SigningProtocol", "sigv4");
        assertThat(template.distributions()).extracting(DistributionDefinition::logicalId, DistributionDefinition::originBucket)
                .containsExactlyInAnyOrder(
                        tuple("TempDistribution", bucketName("TempBucket")),
                        tuple("HostingDistribution", bucketName("HostingBucket")),
                        tuple("DashboardDistribution", bucketName("DashboardBucket")));
    }

    @Test
    void eachDeploymentPublishesTheDashboardToItsBucketWithTheShotstackApisUrl() {
        Map<String, Object> dashboard = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(raw.get("Resources")).get("Dashboard"));
        Map<String, Object> properties = Intrinsics.mapOrEmpty(dashboard.get("Properties"));
        Map<String, Object> apiUrlOutput = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(raw.get("Outputs"))
                .get("ShotstackApiUrl"));

        assertThat(dashboard.get("Type")).isEqualTo("Custom::Dashboard");
        assertThat(properties.get("ServiceToken")).isEqualTo(Map.of("Ref", "DashboardPublisherFunction.Alias"));
        // a new version of the function (new files) is an Update, which publishes them
        assertThat(properties.get("CodeVersion")).isEqualTo(Map.of("Ref", "DashboardPublisherFunction.Version"));
        assertThat(properties.get("ApiUrl")).isEqualTo(apiUrlOutput.get("Value"));
        assertThat(template.function("DashboardPublisherFunction").orElseThrow().environment())
                .containsEntry("DASHBOARD_BUCKET", bucketName("DashboardBucket"));
    }

    @Test
    void theTemporaryDistributionServesRenderOutputsOnlyToUrlsSignedWithTheKeyOfTheParameter() {
        DistributionDefinition temporary = template.distributions().stream()
                .filter(distribution -> distribution.logicalId().equals("TempDistribution")).findFirst().orElseThrow();
        DistributionDefinition hosting = template.distributions().stream()
                .filter(distribution -> distribution.logicalId().equals("HostingDistribution")).findFirst().orElseThrow();

        assertThat(temporary.originPath() + "/").isEqualTo(CloudFrontSignedUrls.ORIGIN_PATH);
        assertThat(temporary.trustedPublicKeys().entrySet()).singleElement().satisfies(key -> {
            assertThat(key.getKey()).matches("K[A-Z0-9]{13}");
            assertThat(key.getValue()).as("a PEM of 64-character lines").startsWith("-----BEGIN PUBLIC KEY-----\n")
                    .endsWith("\n-----END PUBLIC KEY-----\n");
            String body = key.getValue().replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").strip();
            assertThat(body.split("\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
            assertThat(Base64.getMimeDecoder().decode(body)).isEqualTo(PUBLIC_KEY);
        });
        assertThat(hosting.originPath()).as("hosted files are served at their key").isEmpty();
        assertThat(hosting.restrictsViewers()).isFalse();
        for (String function : List.of("RenderWorkerFunction", "RenderStatusFunction", "PrepareMp4DownloadFunction",
                "MakeFlvDownloadFunction")) {
            assertThat(template.function(function).orElseThrow().environment()).as(function)
                    .containsEntry("TEMPORARY_CDN_URL", "https://" + temporary.domainName())
                    .containsEntry("TEMPORARY_URL_KEY_PAIR_ID", temporary.trustedPublicKeys().keySet().iterator().next())
                    .containsEntry("TEMPORARY_URL_SIGNING_KEY_SECRET", "reelforge/temporary-url-signing-key");
        }
    }

    @Test
    void onlyTheFunctionsThatSignTemporaryUrlsMayReadTheSigningKeyAndOnlyThatSecret() {
        Intrinsics intrinsics = new Intrinsics(raw, Map.of(), StackIdentity.LOCAL);
        for (FunctionDefinition function : template.functions()) {
            List<Map<String, Object>> reads = statements(function.logicalId()).stream()
                    .filter(statement -> String.valueOf(statement.get("Action")).contains("secretsmanager")).toList();
            if (function.environment().containsKey("TEMPORARY_URL_SIGNING_KEY_SECRET")) {
                assertThat(reads).as(function.logicalId()).singleElement().satisfies(statement -> {
                    assertThat(statement.get("Action")).isEqualTo("secretsmanager:GetSecretValue");
                    assertThat(intrinsics.resolve(statement.get("Resource"))).isEqualTo(
                            "arn:aws:secretsmanager:us-east-1:000000000000:secret:reelforge/temporary-url-signing-key-??????");
                });
            } else {
                assertThat(reads).as(function.logicalId()).isEmpty();
            }
        }
        assertThat(template.functions()).filteredOn(function -> function.environment().containsKey("TEMPORARY_CDN_URL"))
                .extracting(FunctionDefinition::logicalId)
                .containsExactlyInAnyOrder("RenderWorkerFunction", "RenderStatusFunction", "PrepareMp4DownloadFunction",
                        "MakeFlvDownloadFunction");
    }

    @Test
    void deletingAHostedFileInvalidatesItOnTheHostingDistributionOnly() {
        Intrinsics intrinsics = new Intrinsics(raw, Map.of(), StackIdentity.LOCAL);
        String distributionId = intrinsics.ref("HostingDistribution");
        for (String logicalId : List.of("RemoveHostedFilesFunction", "PromoteOutputFunction", "AssetSweeperFunction")) {
            assertThat(template.function(logicalId).orElseThrow().environment())
                    .containsEntry("HOSTING_DISTRIBUTION_ID", distributionId);
            assertThat(statements(logicalId)).filteredOn(statement -> "cloudfront:CreateInvalidation".equals(statement.get("Action")))
                    .singleElement().satisfies(statement -> assertThat(intrinsics.resolve(statement.get("Resource")))
                            .isEqualTo("arn:aws:cloudfront::000000000000:distribution/" + distributionId));
        }
    }

    @Test
    void eachBucketLetsOnlyItsOwnDistributionRead() {
        Intrinsics intrinsics = new Intrinsics(raw, Map.of(), StackIdentity.LOCAL);
        Map<String, List<String>> expected = Map.of(
                "TempBucketPolicy", List.of("TempBucket", "TempDistribution", "/renders/*"),
                "HostingBucketPolicy", List.of("HostingBucket", "HostingDistribution", "/*"),
                "DashboardBucketPolicy", List.of("DashboardBucket", "DashboardDistribution", "/*"));
        expected.forEach((policy, parts) -> {
            Map<String, Object> properties = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(
                    raw.get("Resources")).get(policy)).get("Properties"));
            assertThat(intrinsics.resolve(properties.get("Bucket"))).isEqualTo(bucketName(parts.get(0)));
            List<?> statements = (List<?>) Intrinsics.mapOrEmpty(properties.get("PolicyDocument")).get("Statement");
            assertThat(statements).as(policy).singleElement().satisfies(item -> {
                Map<String, Object> statement = Intrinsics.mapOrEmpty(intrinsics.resolve(item));
                assertThat(statement).containsEntry("Effect", "Allow").containsEntry("Action", "s3:GetObject")
                        .containsEntry("Principal", Map.of("Service", "cloudfront.amazonaws.com"))
                        .containsEntry("Resource", "arn:aws:s3:::" + bucketName(parts.get(0)) + parts.get(2))
                        .containsEntry("Condition", Map.of("StringEquals", Map.of("AWS:SourceArn",
                                "arn:aws:cloudfront::000000000000:distribution/" + intrinsics.ref(parts.get(1)))));
            });
        });
    }

    @Test
    void browsersMayKeepAFileADayUnlessItsObjectSaysOtherwise() {
        assertThat(template.distributions()).allSatisfy(distribution -> assertThat(distribution.responseHeaders())
                .containsExactly(new DistributionDefinition.ResponseHeader("Cache-Control", "public, max-age=86400", false)));
    }

    private Map<String, Object> properties(String logicalId, String property) {
        return Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(
                raw.get("Resources")).get(logicalId)).get("Properties")).get(property));
    }

    private List<Map<String, Object>> statements(String functionLogicalId) {
        List<?> policies = (List<?>) Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(
                raw.get("Resources")).get(functionLogicalId)).get("Properties")).get("Policies");
        if (policies == null) {
            return List.of();
        }
        return policies.stream()
                .flatMap(policy -> ((List<?>) Intrinsics.mapOrEmpty(policy).get("Statement")).stream())
                .map(Intrinsics::mapOrEmpty)
                .toList();
    }

    private String bucketName(String logicalId) {
        return template.buckets().stream().filter(bucket -> bucket.logicalId().equals(logicalId))
                .map(BucketDefinition::bucketName).findFirst().orElseThrow();
    }

    private static byte[] publicKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPublic().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
