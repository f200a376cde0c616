package dev.reelforge.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.json.Json;
import dev.reelforge.local.services.ElasticMqServer;
import dev.reelforge.local.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The queues of template.yaml are created on the local SQS as CloudFormation creates them, and follow its changes. */
class ResourceProvisionerTest {

    @TempDir
    Path directory;

    @BeforeAll
    static void credentials() {
        LocalCredentials.installAsDefault();
    }

    private SamTemplate template(int visibilityTimeout, ElasticMqServer server) throws IOException {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, """
                Resources:
                  Work:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub "${AWS::StackName}-work"
                      VisibilityTimeout: %d
                      MessageRetentionPeriod: 345600
                      DelaySeconds: 3
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt WorkDeadLetters.Arn
                        maxReceiveCount: 5
                  WorkDeadLetters:
                    Type: AWS::SQS::Queue
                    Properties:
                      MessageRetentionPeriod: 1209600
                """.formatted(visibilityTimeout));
        return SamTemplate.load(file).withQueueEndpoint(server.endpoint());
    }

    private static Map<String, String> attributesOf(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(get -> get.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
    }

    @Test
    void queuesGetTheirAttributesAndRedrivePolicyDeadLetterQueuesFirst() throws IOException {
        try (ElasticMqServer server = ElasticMqServer.start(directory.resolve("sqs"), "000000000000", "us-east-1");
                SqsClient sqs = LocalClients.sqs(server.endpoint())) {
            SamTemplate template = template(60, server);

            ResourceProvisioner.provisionQueues(template, sqs);

            String work = sqs.getQueueUrl(get -> get.queueName("reelforge-local-work")).queueUrl();
            assertThat(work).isEqualTo(template.queues().getFirst().url());
            Map<String, String> attributes = attributesOf(sqs, work);
            assertThat(attributes).containsEntry("VisibilityTimeout", "60").containsEntry("DelaySeconds", "3")
                    .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:reelforge-local-work");
            assertThat(Json.parseTrusted(attributes.get("RedrivePolicy")).path("deadLetterTargetArn").asText())
                    .isEqualTo("arn:aws:sqs:us-east-1:000000000000:reelforge-local-WorkDeadLetters");
            assertThat(Json.parseTrusted(attributes.get("RedrivePolicy")).path("maxReceiveCount").asInt()).isEqualTo(5);
            assertThat(sqs.getQueueUrl(get -> get.queueName("reelforge-local-WorkDeadLetters")).queueUrl()).isNotBlank();
        }
    }

    @Test
    void anExistingQueueKeepsItsMessagesAndTakesTheTemplatesNewAttributes() throws IOException {
        try (ElasticMqServer server = ElasticMqServer.start(directory.resolve("sqs"), "000000000000", "us-east-1");
                SqsClient sqs = LocalClients.sqs(server.endpoint())) {
            ResourceProvisioner.provisionQueues(template(60, server), sqs);
            String work = sqs.getQueueUrl(get -> get.queueName("reelforge-local-work")).queueUrl();
            sqs.sendMessage(send -> send.queueUrl(work).messageBody("kept").delaySeconds(0));

            ResourceProvisioner.provisionQueues(template(90, server), sqs);

            assertThat(attributesOf(sqs, work)).containsEntry("VisibilityTimeout", "90");
            assertThat(sqs.receiveMessage(receive -> receive.queueUrl(work).waitTimeSeconds(1)).messages())
                    .extracting(message -> message.body()).containsExactly("kept");
        }
    }
}
