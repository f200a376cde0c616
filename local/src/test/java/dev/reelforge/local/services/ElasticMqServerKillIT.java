package dev.reelforge.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalCredentials;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A message SQS acknowledged is kept, even when the process running ElasticMQ ends the moment after without a
 * chance to write anything more (as a SIGKILL ends it): the callbacks queue's messages must not vanish with a
 * killed stack.
 */
class ElasticMqServerKillIT {

    private static final int MESSAGES = 20;

    @TempDir
    Path directory;

    @BeforeAll
    static void credentials() {
        LocalCredentials.installAsDefault();
    }

    @Test
    void everyMessageAcknowledgedBeforeTheProcessEndsAbruptlyIsReceivedAfterARestart() throws Exception {
        Process creator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ElasticMqSender.class.getName(),
                directory.toString(), "kept").inheritIO().start();
        assertThat(creator.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(creator.exitValue()).as("the queue's creator ends normally").isZero();
        Process sender = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ElasticMqSender.class.getName(),
                directory.toString(), "kept", String.valueOf(MESSAGES))
                .redirectErrorStream(true).start();
        List<String> acknowledged = new ArrayList<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(sender.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(ElasticMqSender.SENT)) {
                    acknowledged.add(line.substring(ElasticMqSender.SENT.length()));
                } else {
                    output.add(line);
                }
            }
            assertThat(sender.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            sender.destroyForcibly();
        }
        assertThat(sender.exitValue()).as("the sender's output: %s", output).isEqualTo(ElasticMqSender.KILLED);
        assertThat(acknowledged).hasSize(MESSAGES);

        try (ElasticMqServer server = ElasticMqServer.start(directory, "000000000000", "us-east-1");
                SqsClient sqs = LocalClients.sqs(server.endpoint())) {
            String queueUrl = sqs.getQueueUrl(get -> get.queueName("kept")).queueUrl();
            Set<String> received = new HashSet<>();
            List<Message> batch;
            do {
                batch = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages();
                batch.forEach(message -> received.add(message.body()));
            } while (!batch.isEmpty());
            assertThat(received).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }
}
