package dev.reelforge.local.services;

import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalCredentials;
import java.nio.file.Path;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A process for {@link ElasticMqServerKillIT}: starts ElasticMQ on a directory, sends messages to a queue, saying
 * {@code SENT <body>} on standard output for each one SQS has acknowledged, and right after the last acknowledgement
 * ends as a kill ends it: {@link Runtime#halt} runs no shutdown hook and stops every thread where it is, so nothing
 * ElasticMQ or its database still held in memory reaches the disk. (A kill from the test would come some
 * milliseconds later, time enough for a background flush to hide a loss.)
 */
public final class ElasticMqSender {

    static final String SENT = "SENT ";
    /** The exit status of the sender's own end. */
    static final int KILLED = 137;

    private ElasticMqSender() {}

    /**
     * Arguments: the directory, the queue's name, how many messages. With no count, creates the queue and stops
     * normally: ElasticMQ records a queue's creation after answering (unlike a message), and the stack creates its
     * queues when it starts, long before it sends to them.
     */
    public static void main(String[] args) {
        LocalCredentials.installAsDefault();
        ElasticMqServer server = ElasticMqServer.start(Path.of(args[0]), "000000000000", "us-east-1");
        SqsClient sqs = LocalClients.sqs(server.endpoint());
        if (args.length == 2) {
            String queueUrl = sqs.createQueue(create -> create.queueName(args[1])).queueUrl();
            // A message is recorded before SQS answers, and after the queue's creation: once one was added,
            // the queue is recorded too. It is taken off again, so the queue is left empty.
            sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody("primer"));
            sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(5)).messages()
                    .forEach(message -> sqs.deleteMessage(delete -> delete.queueUrl(queueUrl)
                            .receiptHandle(message.receiptHandle())));
            sqs.close();
            server.close();
            return;
        }
        String queueUrl = sqs.getQueueUrl(get -> get.queueName(args[1])).queueUrl();
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            String body = "message " + i;
            sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body));
            System.out.println(SENT + body);
        }
        System.out.flush();
        Runtime.getRuntime().halt(KILLED);
    }
}
