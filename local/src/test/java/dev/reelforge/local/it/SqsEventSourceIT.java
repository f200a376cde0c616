package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.sqs.RecordingSqsHandler;
import dev.reelforge.local.sqs.RecordingSqsHandler.Delivery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Messages sent to a queue reach the functions whose template.yaml {@code SQS} events read it, as Lambda's event
 * source mapping delivers them: in {@code SQSEvent} batches, deleted when handled, back after the visibility
 * timeout when not, and in the dead-letter queue after the redrive policy's receives. The stack runs template.yaml
 * plus a recording function on two test queues (a one-second visibility timeout, three receives before the
 * dead-letter queue; and one delaying every message two seconds).
 */
class SqsEventSourceIT {

    private static final String TEST_RESOURCES = """
              TestQueue:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 1
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt TestDeadLetterQueue.Arn
                    maxReceiveCount: 3
              TestDeadLetterQueue:
                Type: AWS::SQS::Queue
              DelayedQueue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: 2
              SqsRecorderFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: local/target/test-classes
                  Handler: dev.reelforge.local.sqs.RecordingSqsHandler::handleRequest
                  Environment:
                    Variables:
                      TEST_QUEUE_URL: !Ref TestQueue
                  Events:
                    Tests:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt TestQueue.Arn
                        MaximumBatchingWindowInSeconds: 1
                        FunctionResponseTypes: [ReportBatchItemFailures]
                    Delayed:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt DelayedQueue.Arn
            """;

    private static Path root;
    private static LocalStack stack;
    private static SqsClient sqs;
    private static String queueUrl;

    @BeforeAll
    static void startStack() throws IOException {
        root = SharedStack.temporaryDirectory("reelforge-sqs-");
        String template = Files.readString(ProjectFiles.template(), StandardCharsets.UTF_8);
        Path withRecorder = root.resolve("template.yaml");
        Files.writeString(withRecorder, template.replaceFirst("\nResources:\n", "\nResources:\n" + TEST_RESOURCES),
                StandardCharsets.UTF_8);
        stack = LocalStack.start(new LocalStack.Options(withRecorder, root.resolve("data"), 0, line -> {}, true,
                RenderTestStack.sharedFfmpeg(), Map.of()));
        sqs = stack.services().sqs();
        queueUrl = stack.queueUrl("TestQueue");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        SharedStack.deleteRecursively(root);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID();
    }

    /** The deliveries of the message with this body so far, once at least {@code count} arrived (or 15 s passed). */
    private static List<Delivery> deliveriesOf(String body, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<Delivery> found = deliveries(body);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = deliveries(body);
        }
        return found;
    }

    private static List<Delivery> deliveries(String body) {
        return new ArrayList<>(RecordingSqsHandler.DELIVERED.stream().filter(delivery -> delivery.message().getBody()
                .equals(body)).toList());
    }

    @Test
    void aMessageReachesTheFunctionOnceShapedAsLambdaSendsIt() throws InterruptedException {
        String body = unique("hello ");
        long sentAt = System.currentTimeMillis();
        String messageId = sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body).messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("greeting").build()))).messageId();

        SQSMessage message = deliveriesOf(body, 1).getFirst().message();
        assertThat(message.getMessageId()).isEqualTo(messageId);
        assertThat(message.getReceiptHandle()).isNotBlank();
        assertThat(message.getEventSource()).isEqualTo("aws:sqs");
        assertThat(message.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:reelforge-local-TestQueue");
        assertThat(message.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(message.getMd5OfBody()).isEqualTo(md5(body));
        assertThat(message.getAttributes()).containsEntry("ApproximateReceiveCount", "1")
                .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp", "SenderId");
        assertThat(Long.parseLong(message.getAttributes().get("SentTimestamp"))).isBetween(sentAt - 1_000, sentAt + 5_000);
        assertThat(message.getMessageAttributes().get("kind").getStringValue()).isEqualTo("greeting");
        assertThat(message.getMessageAttributes().get("kind").getDataType()).isEqualTo("String");

        Thread.sleep(2_500);
        assertThat(deliveries(body)).as("deleted once handled, never delivered again").hasSize(1);
    }

    @Test
    void onlyTheMessageTheFunctionReportsFailedComesBackTheOthersAreDeleted() throws InterruptedException {
        String first = unique("first ");
        String failing = unique("fail:");
        String last = unique("last ");
        sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody(first).build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody(failing).build(),
                SendMessageBatchRequestEntry.builder().id("c").messageBody(last).build()));

        List<Delivery> failed = deliveriesOf(failing, 2);
        assertThat(failed).hasSizeGreaterThanOrEqualTo(2);
        // the three came in one batch, gathered in the batching window (a message of an earlier test coming back
        // after its visibility timeout may share it: the queue is shared)
        long batch = failed.get(0).invocation();
        assertThat(List.of(deliveries(first).getFirst().invocation(), deliveries(last).getFirst().invocation()))
                .as("one batch, gathered in the batching window").containsOnly(batch);
        assertThat(failed.get(0).batchSize()).isGreaterThanOrEqualTo(3);
        assertThat(failed.get(1).message().getAttributes()).containsEntry("ApproximateReceiveCount", "2");
        assertThat(failed.get(1).message().getMessageId()).isEqualTo(failed.get(0).message().getMessageId());
        assertThat(failed.get(1).receivedAtMillis() - failed.get(0).receivedAtMillis())
                .as("back after the visibility timeout").isGreaterThanOrEqualTo(900);
        assertThat(deliveries(first)).hasSize(1);
        assertThat(deliveries(last)).hasSize(1);
    }

    @Test
    void aFailureNamingNoMessageOfTheBatchFailsTheWholeBatch() throws InterruptedException {
        String fine = unique("fine ");
        String confused = unique("unknown-id:");
        sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody(fine).build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody(confused).build()));

        List<Delivery> again = deliveriesOf(fine, 2);
        assertThat(again).hasSizeGreaterThanOrEqualTo(2);
        assertThat(again.get(1).message().getAttributes()).containsEntry("ApproximateReceiveCount", "2");
    }

    @Test
    void aMessageWhoseProcessingAlwaysFailsEndsInTheDeadLetterQueueAfterMaxReceiveCount() throws InterruptedException {
        String doomed = unique("throw:");
        String messageId = sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(doomed)).messageId();

        Message deadLetter = awaitIn(stack.queueUrl("TestDeadLetterQueue"), message -> message.body().equals(doomed));
        assertThat(deadLetter.messageId()).isEqualTo(messageId);
        List<Delivery> attempts = deliveries(doomed);
        assertThat(attempts).as("received maxReceiveCount times").hasSize(3);
        assertThat(attempts).extracting(delivery -> delivery.message().getAttributes().get("ApproximateReceiveCount"))
                .containsExactly("1", "2", "3");
    }

    @Test
    void aMessageSentWithDelaySecondsIsDeliveredNoSooner() throws InterruptedException {
        String delayed = unique("later ");
        long sentAt = System.currentTimeMillis();
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(delayed).delaySeconds(2));

        List<Delivery> delivered = deliveriesOf(delayed, 1);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.getFirst().receivedAtMillis() - sentAt).isGreaterThanOrEqualTo(2_000);
    }

    @Test
    void aQueuesDelaySecondsHoldsEveryMessageItReceives() throws InterruptedException {
        String delayed = unique("queue-delayed ");
        long sentAt = System.currentTimeMillis();
        sqs.sendMessage(send -> send.queueUrl(stack.queueUrl("DelayedQueue")).messageBody(delayed));

        List<Delivery> delivered = deliveriesOf(delayed, 1);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.getFirst().receivedAtMillis() - sentAt).isGreaterThanOrEqualTo(2_000);
        assertThat(sqs.getQueueAttributes(get -> get.queueUrl(stack.queueUrl("DelayedQueue"))
                .attributeNames(QueueAttributeName.DELAY_SECONDS)).attributes())
                .containsEntry(QueueAttributeName.DELAY_SECONDS, "2");
    }

    @Test
    void aFunctionGivenAQueuesRefGetsTheUrlTheLocalSqsAnswersForIt() {
        String url = stack.function("SqsRecorderFunction").definition().environment().get("TEST_QUEUE_URL");

        assertThat(url).isEqualTo(sqs.getQueueUrl(get -> get.queueName("reelforge-local-TestQueue")).queueUrl())
                .startsWith(stack.services().endpoints().sqs().toString());
    }

    private static Message awaitIn(String url, Predicate<Message> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (Message message : sqs.receiveMessage(receive -> receive.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(30)).messages()) {
                if (wanted.test(message)) {
                    return message;
                }
            }
        }
        throw new AssertionError("no such message reached " + url + " in 20 s");
    }

    private static String md5(String body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
