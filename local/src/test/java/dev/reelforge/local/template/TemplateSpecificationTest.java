package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * template.yaml deploys as far as a template can be judged without AWS: it matches the CloudFormation resource
 * specification (CDK's service database, installed by the build) and SAM's documented properties
 * (sam-specification.yaml), and breaks none of the rules AWS enforces beyond them ({@link DeploymentRules}). The other
 * tests prove the check bites: each plants one mistake in a copy of template.yaml and expects it named.
 */
class TemplateSpecificationTest {

    private static final CfnSpecification CFN = CfnSpecification.installed();
    private static final SamSpecification SAM = SamSpecification.load(CFN);

    @TempDir
    Path temporary;

    @Test
    void templateYamlMatchesTheResourceSpecificationAndSamsDocumentedProperties() {
        assertThat(problems(CloudFormationYaml.read(ProjectFiles.template()))).isEmpty();
    }

    @Test
    void theRenderWorkerInheritingSnapStartWithItsLargeEphemeralStorageIsRefused() throws IOException {
        assertThat(problemsWith("""
                      # small beside a render's minutes.
                      SnapStart:
                        ApplyOn: None
                """, "")).anySatisfy(problem -> assertThat(problem).startsWith(
                "Resources.RenderWorkerFunction.Properties.SnapStart: Lambda refuses SnapStart with more than 512 MB"
                        + " of ephemeral storage, and EphemeralStorage.Size is 10240"));
    }

    @Test
    void aMisspeltPropertyIsNamedWithTheLikelyOne() throws IOException {
        assertThat(problemsWith("DeletionProtectionEnabled: true", "DeletionProtectionEnable: true")).containsExactly(
                "Resources.AccountsTable.Properties.DeletionProtectionEnable: not a property of AWS::DynamoDB::Table"
                        + " (did you mean DeletionProtectionEnabled?)");
        assertThat(problemsWith("Action: sts:AssumeRole", "Actions: sts:AssumeRole")).containsExactly(
                "Resources.MediaConvertRole.Properties.AssumeRolePolicyDocument.Statement[0].Actions: not a property"
                        + " of PolicyStatement (did you mean Action?)");
    }

    @Test
    void aPropertyNestedUnderTheWrongObjectIsNamed() throws IOException {
        assertThat(problemsWith("""
                            OriginPath: /renders
                """, "", """
                          TargetOriginId: temp-bucket
                """, """
                          TargetOriginId: temp-bucket
                          OriginPath: /renders
                """)).containsExactly("Resources.TempDistribution.Properties.DistributionConfig.DefaultCacheBehavior"
                + ".OriginPath: not a property of DefaultCacheBehavior");
    }

    @Test
    void anEventPropertyBesideItsPropertiesIsNamed() throws IOException {
        assertThat(problemsWith("""
                            Path: /edit/{version}/render/{id}
                            Method: get
                """, """
                            Path: /edit/{version}/render/{id}
                          Method: get
                """)).containsExactlyInAnyOrder(
                "Resources.GetRenderFunction.Properties.Events.GetRender.Method: not a property of EventSource"
                        + " (Type, Properties)",
                "Resources.GetRenderFunction.Properties.Events.GetRender.Properties: ApiEvent requires Method");
    }

    @Test
    void aGetAttOfAMissingResourceIsNamed() throws IOException {
        assertThat(problemsWith("MEDIACONVERT_ROLE_ARN: !GetAtt MediaConvertRole.Arn\n          WATERMARK_KEY",
                "MEDIACONVERT_ROLE_ARN: !GetAtt MediaConvertRoles.Arn\n          WATERMARK_KEY")).containsExactly(
                "Resources.RenderWorkerFunction.Properties.Environment.Variables.MEDIACONVERT_ROLE_ARN (Fn::GetAtt):"
                        + " Fn::GetAtt MediaConvertRoles.Arn names no resource (did you mean MediaConvertRole?)");
    }

    @Test
    void aGetAttOfAnAttributeTheResourceLacksIsNamed() throws IOException {
        String assetEnded = "AssetEnded:\n          Type: DynamoDB\n          Properties:\n            Stream: ";
        assertThat(problemsWith(assetEnded + "!GetAtt AssetsTable.StreamArn", assetEnded + "!GetAtt AssetsTable.StreamARN"))
                .containsExactly("Resources.DispatchCallbacksFunction.Properties.Events.AssetEnded.Properties.Stream"
                        + " (Fn::GetAtt): AssetsTable (AWS::DynamoDB::Table) has no attribute StreamARN (it has"
                        + " [Arn, StreamArn])");
    }

    @Test
    void aRefOrSubOfAnUnknownNameIsNamed() throws IOException {
        assertThat(problemsWith("STUCK_RENDER_PATIENCE: !Ref StuckRenderPatience",
                "STUCK_RENDER_PATIENCE: !Ref StuckRenderPatiense")).containsExactly(
                "Resources.RenderSweeperFunction.Properties.Environment.Variables.STUCK_RENDER_PATIENCE (Ref):"
                        + " Ref StuckRenderPatiense names no parameter, resource, pseudo parameter or resource SAM"
                        + " generates (did you mean StuckRenderPatience?)");
        assertThat(problemsWith("HOSTING_DISTRIBUTION_ID: !Ref HostingDistribution\n          CDN_URL: !Sub"
                + " \"https://${HostingDistribution.DomainName}\"", "HOSTING_DISTRIBUTION_ID: !Ref HostingDistribution\n"
                + "          CDN_URL: !Sub \"https://${HostingDistribution.Domain}\"")).containsExactly(
                "Resources.PromoteOutputFunction.Properties.Environment.Variables.CDN_URL (Fn::Sub): HostingDistribution"
                        + " (AWS::CloudFront::Distribution) has no attribute Domain (it has [DomainName, Id])");
    }

    @Test
    void aMissingRequiredPropertyIsNamed() throws IOException {
        assertThat(problemsWith("""
                      AttributeDefinitions:
                        - AttributeName: pk
                          AttributeType: S
                      KeySchema:
                        - AttributeName: pk
                          KeyType: HASH
                """, """
                      AttributeDefinitions:
                        - AttributeName: pk
                          AttributeType: S
                """)).contains("Resources.AccountsTable.Properties: AWS::DynamoDB::Table requires KeySchema");
    }

    @Test
    void aValueOfTheWrongShapeIsNamed() throws IOException {
        assertThat(problemsWith("ReauthorizeEvery: 300", "ReauthorizeEvery: [300]")).containsExactly(
                "Resources.ShotstackApi.Properties.Auth.Authorizers.ApiKeyAuthorizer.Identity.ReauthorizeEvery:"
                        + " expected an integer, found a list");
        assertThat(problemsWith("Status: Enabled\n            Prefix: work/", "Status: enabled\n            Prefix: work/"))
                .containsExactly("Resources.TempBucket.Properties.LifecycleConfiguration.Rules[1].Status: enabled is"
                        + " not one of [Enabled, Disabled]");
    }

    @Test
    void aSamResourceOrEventTypeNotDocumentedIsNamed() throws IOException {
        assertThat(problemsWith("MediaConvertJobStateChange:\n          Type: EventBridgeRule",
                "MediaConvertJobStateChange:\n          Type: EventBrigdeRule")).singleElement().asString()
                .startsWith("Resources.RenderStatusFunction.Properties.Events.MediaConvertJobStateChange.Type:"
                        + " EventBrigdeRule is not described in sam-specification.yaml");
        assertThat(problemsWith("Type: AWS::CloudFront::KeyGroup", "Type: AWS::CloudFront::KeyGroups"))
                .contains("Resources.TemporaryUrlKeyGroup.Type: AWS::CloudFront::KeyGroups is not a resource type of"
                        + " the CloudFormation resource specification");
    }

    @Test
    void aGlobalSamDoesNotMergeIsNamed() throws IOException {
        assertThat(problemsWith("    AutoPublishAlias: live\n", "    AutoPublishAlias: live\n    Policies: []\n"))
                .singleElement().asString().startsWith(
                        "Globals.Function.Policies: SAM does not take Policies from Globals (only [");
    }

    @Test
    void lambdasLimitsAreHeld() throws IOException {
        String worker = "Handler: dev.reelforge.pipeline.RenderWorkerFunction::handleRequest\n      ";
        assertThat(problemsWith(worker + "MemorySize: 3008", worker + "MemorySize: 20480")).containsExactly(
                "Resources.RenderWorkerFunction.Properties.MemorySize: Lambda's memory setting takes 128..10240,"
                        + " found 20480");
        assertThat(problemsWith(worker + "MemorySize: 3008\n      Timeout: 900",
                worker + "MemorySize: 3008\n      Timeout: 3600"))
                .containsExactly(
                "Resources.RenderWorkerFunction.Properties.Timeout: Lambda's timeout takes 1..900, found 3600");
        assertThat(problemsWith("Runtime: java21", "Runtime: nodejs22.x")).hasSize(functionsWithSnapStart())
                .allSatisfy(problem -> assertThat(problem).contains(".SnapStart: Lambda offers SnapStart only on"
                        + " Java 11+, Python 3.12+ and .NET 8+ managed runtimes, not nodejs22.x"));
    }

    @Test
    void aQueueWhoseVisibilityTimeoutIsShorterThanItsConsumersTimeoutIsNamed() throws IOException {
        assertThat(problemsWith("VisibilityTimeout: 60", "VisibilityTimeout: 30")).singleElement().asString()
                .startsWith("Resources.SendCallbacksFunction.Properties.Events.CallbackQueued.Properties.Queue:"
                        + " CallbacksQueue's VisibilityTimeout (30 s) is shorter than the function's Timeout (55 s)");
    }

    @Test
    void eventSourceSettingsAwsRefusesAreNamed() throws IOException {
        assertThat(problemsWith("Sweep:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 minute)",
                "Sweep:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 minutes)"))
                .singleElement().asString()
                .startsWith("Resources.RetryCallbacksFunction.Properties.Events.Sweep.Properties.Schedule:"
                        + " rate(1 minutes) is refused by EventBridge");
        assertThat(problemsWith("{\"S\": [\"queued\"]}}}}'", "{\"S\": [\"queued\"]}}}'")).containsExactly(
                "Resources.RenderWorkerFunction.Properties.Events.RenderQueued.Properties.FilterCriteria.Filters[0]"
                        + ".Pattern: not valid JSON");
        assertThat(problemsWith("DefaultAuthorizer: ApiKeyAuthorizer", "DefaultAuthorizer: ApiKeyAuthoriser"))
                .containsExactly("Resources.ShotstackApi.Properties.Auth.DefaultAuthorizer: ApiKeyAuthoriser is not"
                        + " one of Auth.Authorizers [ApiKeyAuthorizer]");
    }

    @Test
    void aTableAttributeNoKeyUsesIsNamed() throws IOException {
        assertThat(problemsWith("""
                      AttributeDefinitions:
                        - AttributeName: pk
                          AttributeType: S
                """, """
                      AttributeDefinitions:
                        - AttributeName: pk
                          AttributeType: S
                        - AttributeName: email
                          AttributeType: S
                """)).containsExactly("Resources.AccountsTable.Properties.AttributeDefinitions: email is no key of the"
                + " table or an index, which DynamoDB refuses");
    }

    /** The functions that keep the SnapStart of Globals (the render worker and the FLV maker turn it off). */
    private static int functionsWithSnapStart() {
        return TemplateCheck.mapOrEmpty(CloudFormationYaml.read(ProjectFiles.template()).get("Resources")).values()
                .stream().map(TemplateCheck::mapOrEmpty)
                .filter(resource -> "AWS::Serverless::Function".equals(resource.get("Type")))
                .filter(resource -> !"None".equals(TemplateCheck.mapOrEmpty(TemplateCheck.mapOrEmpty(
                        resource.get("Properties")).get("SnapStart")).get("ApplyOn")))
                .mapToInt(resource -> 1).sum();
    }

    private static List<String> problems(Map<String, Object> template) {
        return TemplateCheck.problems(template, CFN, SAM);
    }

    /**
     * The problems of template.yaml with each {@code original} (which must occur exactly once) replaced by the
     * replacement after it.
     */
    private List<String> problemsWith(String... originalsAndReplacements) throws IOException {
        String text = Files.readString(ProjectFiles.template());
        for (int i = 0; i < originalsAndReplacements.length; i += 2) {
            String original = originalsAndReplacements[i];
            assertThat(text.indexOf(original)).as("occurs once in template.yaml: %s", original).isNotNegative()
                    .isEqualTo(text.lastIndexOf(original));
            text = text.replace(original, originalsAndReplacements[i + 1]);
        }
        Path changed = temporary.resolve("template.yaml");
        Files.writeString(changed, text);
        return problems(CloudFormationYaml.read(changed));
    }
}
