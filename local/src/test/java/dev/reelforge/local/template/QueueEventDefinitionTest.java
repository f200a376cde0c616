package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's SQS events, and the queues they read, are taken from template.yaml as SAM and CloudFormation declare them. */
class QueueEventDefinitionTest {

    @TempDir
    Path directory;

    private SamTemplate template(String events) throws IOException {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, """
                Resources:
                  Jobs:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub "${AWS::StackName}-jobs"
                      VisibilityTimeout: 60
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt JobsDeadLetters.Arn
                        maxReceiveCount: 5
                  JobsDeadLetters:
                    Type: AWS::SQS::Queue
                  Media:
                    Type: AWS::S3::Bucket
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Worker::handleRequest
                      CodeUri: worker.jar
                      Events:
                """ + events.indent(8));
        return SamTemplate.load(file);
    }

    @Test
    void anSqsEventNamesItsQueueByArnAndKeepsItsBatchingAndResponseTypes() throws IOException {
        QueueEventDefinition event = template("""
                Jobs:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Jobs.Arn
                    BatchSize: 25
                    MaximumBatchingWindowInSeconds: 2
                    FunctionResponseTypes: [ReportBatchItemFailures]
                    Enabled: false
                """).function("Worker").orElseThrow().queueEvents().getFirst();

        assertThat(event.queueLogicalId()).isEqualTo("Jobs");
        assertThat(event.batchSize()).isEqualTo(25);
        assertThat(event.batchingWindow()).isEqualTo(Duration.ofSeconds(2));
        assertThat(event.reportBatchItemFailures()).isTrue();
        assertThat(event.enabled()).isFalse();
    }

    @Test
    void samsDefaultsAreBatchesOfTenAtOnceWholeBatchFailuresAndEnabled() throws IOException {
        QueueEventDefinition event = template("""
                Jobs:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Jobs.Arn
                """).function("Worker").orElseThrow().queueEvents().getFirst();

        assertThat(event.batchSize()).isEqualTo(10);
        assertThat(event.batchingWindow()).isZero();
        assertThat(event.reportBatchItemFailures()).isFalse();
        assertThat(event.enabled()).isTrue();
    }

    @Test
    void theQueuesAreReadWithTheirNamesUrlsArnsAndRedrivePolicies() throws IOException {
        SamTemplate template = template("""
                Jobs:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Jobs.Arn
                """).withQueueEndpoint(java.net.URI.create("http://127.0.0.1:40100"));

        QueueDefinition jobs = template.queues().stream().filter(queue -> queue.logicalId().equals("Jobs")).findFirst()
                .orElseThrow();
        assertThat(jobs.queueName()).isEqualTo("reelforge-local-jobs");
        assertThat(jobs.url()).isEqualTo("http://127.0.0.1:40100/000000000000/reelforge-local-jobs");
        assertThat(jobs.arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:reelforge-local-jobs");
        assertThat(jobs.properties()).containsEntry("VisibilityTimeout", 60).containsEntry("RedrivePolicy", Map.of(
                "deadLetterTargetArn", "arn:aws:sqs:us-east-1:000000000000:reelforge-local-JobsDeadLetters",
                "maxReceiveCount", 5));
    }

    @Test
    void aQueueThatIsNotAnArnOfThisTemplatesQueuesIsRefused() {
        assertThatThrownBy(() -> template("""
                Jobs:
                  Type: SQS
                  Properties:
                    Queue: !Ref Jobs
                """).function("Worker")).isInstanceOf(TemplateException.class).hasMessageContaining("!GetAtt X.Arn");
        assertThatThrownBy(() -> template("""
                Jobs:
                  Type: SQS
                  Properties:
                    Queue: arn:aws:sqs:us-east-1:111111111111:elsewhere
                """).function("Worker")).isInstanceOf(TemplateException.class);
    }

    @Test
    void batchesOverTenNeedABatchingWindowAsOnLambda() {
        assertThatThrownBy(() -> template("""
                Jobs:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Jobs.Arn
                    BatchSize: 50
                """).function("Worker")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("MaximumBatchingWindowInSeconds");
    }
}
