package dev.reelforge.local.services;

import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalCredentials;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A process for {@link ElasticMqServerKillIT}: starts ElasticMQ on a directory and creates a queue, or sends messages
 * to it, saying {@code SENT <body>} on standard output for each one SQS has acknowledged, and right after the last
 * acknowledgement ends as a kill ends it: {@link Runtime#halt} runs no shutdown hook and stops every thread where it
 * is, so nothing ElasticMQ or its database still held in memory reaches the disk; or receives what the queue holds.
 */
public final class ElasticMqSender {

    static final String SENT = "SENT ";
    /** The exit status of the sender's own end. */
    static final int KILLED = 137;

    private ElasticMqSender() {}

    static final String RECEIVED = "RECEIVED ";

    /**
     * Arguments: the directory, the queue's name, how many messages. With no count, creates the queue and stops
     * normally (the stack creates its queues when it starts, long before it sends to them); with a count, sends that
     * many messages to the queue, printing each once SQS acknowledged it, and halts, as a SIGKILL would; with
     * {@code receive}, prints every message the queue holds. Each in a JVM of its own: ElasticMQ's SQL persistence
     * is one per JVM (its connection pool is a singleton, set by the first server that starts).
     */
    public static void main(String[] args) {
        LocalCredentials.installAsDefault();
        ElasticMqServer server = ElasticMqServer.start(Path.of(args[0]), "000000000000", "us-east-1");
        SqsClient sqs = LocalClients.sqs(server.endpoint());
        if (args.length == 2) {
            settle(sqs, sqs.createQueue(create -> create.queueName(args[1])).queueUrl());
            sqs.close();
            server.close();
            return;
        }
        String queueUrl = sqs.getQueueUrl(get -> get.queueName(args[1])).queueUrl();
        if (args[2].equals("receive")) {
            List<Message> batch;
            do {
                batch = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages();
                batch.forEach(message -> System.out.println(RECEIVED + message.body()));
            } while (!batch.isEmpty());
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
        settle(sqs, queueUrl);
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            String body = "message " + i;
            sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body));
            System.out.println(SENT + body);
        }
        System.out.flush();
        Runtime.getRuntime().halt(KILLED);
    }

    /**
     * Waits until ElasticMQ has recorded the queue itself. It records a queue's creation, and writes the queues it
     * restored at its start again, after answering; a message, before. So once a message was added, whatever came
     * before it is recorded. The message is taken off again, so the queue is left as it was.
     */
    private static void settle(SqsClient sqs, String queueUrl) {
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody("primer"));
        sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(5)).messages()
                .forEach(message -> sqs.deleteMessage(delete -> delete.queueUrl(queueUrl)
                        .receiptHandle(message.receiptHandle())));
    }
}
