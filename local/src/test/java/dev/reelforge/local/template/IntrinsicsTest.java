package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

    private final Map<String, Object> template = Map.of(
            "Parameters", Map.of("Stage", Map.of("Type", "String", "Default", "v1")),
            "Globals", Map.of("Function", Map.of("AutoPublishAlias", "live")),
            "Resources", Map.of(
                    "Table", Map.of("Type", "AWS::DynamoDB::Table",
                            "Properties", Map.of("TableName", Map.of("Fn::Sub", "${AWS::StackName}-things"))),
                    "Bucket", Map.of("Type", "AWS::S3::Bucket", "Properties", Map.of()),
                    "Cdn", Map.of("Type", "AWS::CloudFront::Distribution", "Properties", Map.of()),
                    "Key", Map.of("Type", "AWS::CloudFront::PublicKey", "Properties", Map.of()),
                    "Jobs", Map.of("Type", "AWS::SQS::Queue",
                            "Properties", Map.of("QueueName", Map.of("Fn::Sub", "${AWS::StackName}-jobs"))),
                    "Unnamed", Map.of("Type", "AWS::SQS::Queue", "Properties", Map.of()),
                    "Fn", Map.of("Type", "AWS::Serverless::Function", "Properties", Map.of())));
    private final Intrinsics intrinsics = new Intrinsics(template, Map.of(), new StackIdentity("st", "eu-west-1", "123"));

    @Test
    void refsResolveToTheNamesCloudFormationWouldGive() {
        assertThat(intrinsics.resolve(Map.of("Ref", "Table"))).isEqualTo("st-things");
        assertThat(intrinsics.resolve(Map.of("Ref", "Bucket"))).isEqualTo("st-bucket");
        assertThat(intrinsics.resolve(Map.of("Ref", "Stage"))).isEqualTo("v1");
        assertThat(intrinsics.resolve(Map.of("Ref", "Fn.Alias"))).isEqualTo("arn:aws:lambda:eu-west-1:123:function:st-Fn:live");
    }

    @Test
    void ifTakesTheBranchItsConditionChoosesAsTheParametersSay() {
        Map<String, Object> conditional = Map.of(
                "Parameters", Map.of("Origin", Map.of("Type", "String", "Default", "")),
                "Conditions", Map.of("OriginGiven", Map.of("Fn::Not", List.of(Map.of("Fn::Equals",
                        List.of(Map.of("Ref", "Origin"), ""))))),
                "Resources", Map.of());
        Map<String, Object> choice = Map.of("Fn::If", List.of("OriginGiven", Map.of("Ref", "Origin"), "fallback"));
        StackIdentity stack = new StackIdentity("st", "eu-west-1", "123");

        assertThat(new Intrinsics(conditional, Map.of(), stack).resolve(choice)).isEqualTo("fallback");
        assertThat(new Intrinsics(conditional, Map.of("Origin", "https://a.example"), stack).resolve(choice))
                .isEqualTo("https://a.example");
        assertThatThrownBy(() -> new Intrinsics(conditional, Map.of(), stack)
                .resolve(Map.of("Fn::If", List.of("Missing", "a", "b")))).isInstanceOf(TemplateException.class);
    }

    @Test
    void subAndGetAttResolveInsideEachOther() {
        assertThat(intrinsics.resolve(Map.of("Fn::Sub", "${Table.Arn}/index/${!Literal}/${AWS::Region}")))
                .isEqualTo("arn:aws:dynamodb:eu-west-1:123:table/st-things/index/${Literal}/eu-west-1");
        assertThat(intrinsics.resolve(Map.of("Fn::Sub", List.of("${X}-${Stage}", Map.of("X", Map.of("Ref", "Bucket"))))))
                .isEqualTo("st-bucket-v1");
        assertThat(intrinsics.resolve(Map.of("Fn::Join", List.of(":", List.of("a", Map.of("Ref", "Stage"))))))
                .isEqualTo("a:v1");
    }

    @Test
    void parameterOverridesWinOverDefaults() {
        Intrinsics overridden = new Intrinsics(template, Map.of("Stage", "stage"), StackIdentity.LOCAL);

        assertThat(overridden.resolve(Map.of("Ref", "Stage"))).isEqualTo("stage");
    }

    @Test
    void cloudFrontIdsHaveCloudFrontsShapeAndADistributionItsLocalDomainWhenItHasOne() {
        Intrinsics served = new Intrinsics(template, Map.of(), new StackIdentity("st", "eu-west-1", "123"),
                Map.of("Cdn", "127.0.0.1:41234"));

        String distributionId = String.valueOf(intrinsics.resolve(Map.of("Ref", "Cdn")));
        assertThat(distributionId).matches("E[A-Z0-9]{13}").isEqualTo(served.resolve(Map.of("Ref", "Cdn")));
        assertThat(intrinsics.resolve(Map.of("Ref", "Key"))).asString().matches("K[A-Z0-9]{13}");
        assertThat(intrinsics.resolve(Map.of("Fn::GetAtt", List.of("Cdn", "Id")))).isEqualTo(distributionId);
        assertThat(intrinsics.resolve(Map.of("Fn::GetAtt", List.of("Cdn", "DomainName")))).asString()
                .matches("d[a-z0-9]{13}\\.cloudfront\\.net");
        assertThat(served.resolve(Map.of("Fn::Sub", "https://${Cdn.DomainName}/x"))).isEqualTo("https://127.0.0.1:41234/x");
    }

    @Test
    void aQueueRefIsItsUrlOnTheLocalSqsEndpointAndItsAttributesItsArnAndName() {
        Intrinsics served = new Intrinsics(template, Map.of(), new StackIdentity("st", "eu-west-1", "123"), Map.of(),
                Optional.of(URI.create("http://127.0.0.1:41999")));

        assertThat(served.resolve(Map.of("Ref", "Jobs"))).isEqualTo("http://127.0.0.1:41999/123/st-jobs");
        assertThat(served.resolve(Map.of("Fn::GetAtt", List.of("Jobs", "Arn")))).isEqualTo("arn:aws:sqs:eu-west-1:123:st-jobs");
        assertThat(served.resolve(Map.of("Fn::GetAtt", List.of("Jobs", "QueueName")))).isEqualTo("st-jobs");
        assertThat(served.resolve(Map.of("Fn::GetAtt", List.of("Unnamed", "QueueName")))).isEqualTo("st-Unnamed");
    }

    @Test
    void withoutALocalEndpointAQueueUrlIsSqsRegionalOne() {
        assertThat(intrinsics.resolve(Map.of("Ref", "Jobs"))).isEqualTo("https://sqs.eu-west-1.amazonaws.com/123/st-jobs");
    }

    @Test
    void whatTheEmbeddedStackCannotResolveIsAClearError() {
        assertThatThrownBy(() -> intrinsics.resolve(Map.of("Fn::ImportValue", "x")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Fn::ImportValue");
        assertThatThrownBy(() -> intrinsics.resolve(Map.of("Ref", "Nothing")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Nothing");
    }
}
