package dev.reelforge.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalCredentials;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** ElasticMQ answers the SDK's SQS client on loopback and keeps queues and messages across a restart. */
class ElasticMqServerTest {

    @TempDir
    Path directory;

    @BeforeAll
    static void credentials() {
        LocalCredentials.installAsDefault();
    }

    @Test
    void queuesAndTheirMessagesWaitingOrInFlightSurviveARestart() throws InterruptedException {
        String queueUrl;
        try (ElasticMqServer server = ElasticMqServer.start(directory, "000000000000", "us-east-1");
                SqsClient sqs = LocalClients.sqs(server.endpoint())) {
            queueUrl = sqs.createQueue(create -> create.queueName("kept")).queueUrl();
            assertThat(queueUrl).isEqualTo(server.endpoint() + "/000000000000/kept");
            sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody("in flight"));
            List<Message> received = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).visibilityTimeout(1))
                    .messages();
            assertThat(received).extracting(Message::body).containsExactly("in flight");
            sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody("waiting"));
        }

        try (ElasticMqServer server = ElasticMqServer.start(directory, "000000000000", "us-east-1");
                SqsClient sqs = LocalClients.sqs(server.endpoint())) {
            String url = sqs.getQueueUrl(get -> get.queueName("kept")).queueUrl();
            Thread.sleep(1_100);
            List<Message> received = sqs.receiveMessage(receive -> receive.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages();
            assertThat(received).extracting(Message::body).containsExactlyInAnyOrder("in flight", "waiting");
            assertThat(received).filteredOn(message -> message.body().equals("in flight"))
                    .extracting(message -> message.attributesAsStrings().get("ApproximateReceiveCount"))
                    .containsExactly("2");
        }
    }
}
