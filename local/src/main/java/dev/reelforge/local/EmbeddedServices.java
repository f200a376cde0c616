package dev.reelforge.local;

import dev.reelforge.local.cloudfront.CloudFrontEmulator;
import dev.reelforge.local.events.TableWriteAnnouncer;
import dev.reelforge.local.mediaconvert.MediaConvertEmulator;
import dev.reelforge.local.s3.ObjectCreated;
import dev.reelforge.local.s3.ObjectWrites;
import dev.reelforge.local.secretsmanager.SecretsManagerEmulator;
import dev.reelforge.local.services.DynamoDbLocalServer;
import dev.reelforge.local.services.ElasticMqServer;
import dev.reelforge.local.services.LocalService;
import dev.reelforge.local.services.S3ProxyServer;
import dev.reelforge.local.template.SamTemplate;
import dev.reelforge.local.template.StackIdentity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB Local, S3Proxy, ElasticMQ, the MediaConvert, CloudFront and Secrets Manager emulators on loopback, keeping
 * their data under the data directory, with the tables, buckets, queues and distributions of template.yaml created
 * and the signing key of temporary URLs stored as its secret.
 */
public final class EmbeddedServices implements AutoCloseable {

    private final DynamoDbLocalServer dynamoDbServer;
    private final S3ProxyServer s3Server;
    private final MediaConvertEmulator mediaConvert;
    private final CloudFrontEmulator cloudFront;
    private final SecretsManagerEmulator secretsManager;
    private final ElasticMqServer sqsServer;
    private final DynamoDbClient dynamoDb;
    private final TableWriteAnnouncer tableWrites;
    private final S3Client s3;
    private final SqsClient sqs;

    private EmbeddedServices(DynamoDbLocalServer dynamoDbServer, S3ProxyServer s3Server, MediaConvertEmulator mediaConvert,
            CloudFrontEmulator cloudFront, SecretsManagerEmulator secretsManager, ElasticMqServer sqsServer,
            DynamoDbClient dynamoDb, TableWriteAnnouncer tableWrites, S3Client s3, SqsClient sqs) {
        this.dynamoDbServer = dynamoDbServer;
        this.s3Server = s3Server;
        this.sqsServer = sqsServer;
        this.sqs = sqs;
        this.mediaConvert = mediaConvert;
        this.cloudFront = cloudFront;
        this.secretsManager = secretsManager;
        this.dynamoDb = dynamoDb;
        this.tableWrites = tableWrites;
        this.s3 = s3;
    }

    /**
     * @param template           resolved for this data directory ({@link LocalTemplate}): its distributions are served
     *                           at their domain names; its queues are created on the SQS service, whose URLs
     *                           ({@code endpoints().sqs()}) a template resolves with {@link SamTemplate#withQueueEndpoint}
     * @param ffmpeg             what the MediaConvert emulator encodes with
     * @param mediaConvertEvents receives the emulator's job state change events (EventBridge JSON), once
     *                           {@link #runMediaConvertJobs()} was called: until then jobs (those kept from before
     *                           a restart too) wait
     * @param signingKey         stored as the secret {@link LocalSigningKey#SECRET_NAME}
     * @param clock              what object times, MediaConvert jobs and events, and the CloudFront emulator's
     *                           signed-URL checks follow
     * @param objectCreated      told of every object S3 requests create, on the request's thread (must not block)
     */
    public static EmbeddedServices start(Path dataDirectory, SamTemplate template, Path ffmpeg,
            Consumer<String> mediaConvertEvents, LocalSigningKey signingKey, Clock clock,
            Consumer<ObjectCreated> objectCreated) {
        LocalCredentials.installAsDefault();
        List<LocalService> started = new ArrayList<>();
        List<AutoCloseable> clients = new ArrayList<>();
        try {
            DynamoDbLocalServer dynamoDbServer = DynamoDbLocalServer.start(dataDirectory.resolve("dynamodb"));
            started.add(dynamoDbServer);
            S3ProxyServer s3Server = S3ProxyServer.start(dataDirectory.resolve("s3"), LocalCredentials.ACCESS_KEY_ID,
                    LocalCredentials.SECRET_ACCESS_KEY, clock, objectCreated);
            started.add(s3Server);
            TableWriteAnnouncer tableWrites = new TableWriteAnnouncer();
            DynamoDbClient dynamoDb = LocalClients.dynamoDb(dynamoDbServer.endpoint(), List.of(tableWrites));
            clients.add(dynamoDb);
            S3Client s3 = LocalClients.s3(s3Server.endpoint());
            clients.add(s3);
            ResourceProvisioner.provision(template, dynamoDb, s3);
            MediaConvertEmulator mediaConvert = MediaConvertEmulator.open(ffmpeg, s3,
                    dataDirectory.resolve("mediaconvert"), StackIdentity.LOCAL.accountId(), StackIdentity.LOCAL.region(),
                    mediaConvertEvents, clock);
            started.add(mediaConvert);
            CloudFrontEmulator cloudFront = CloudFrontEmulator.start(template.distributions(), s3, clock);
            started.add(cloudFront);
            SecretsManagerEmulator secretsManager = SecretsManagerEmulator.start(StackIdentity.LOCAL.accountId(),
                    StackIdentity.LOCAL.region(), clock);
            started.add(secretsManager);
            secretsManager.put(LocalSigningKey.SECRET_NAME, signingKey.privateKeyPem());
            // after the distributions, whose ports were chosen before the start: the sooner they bind the better
            ElasticMqServer sqsServer = ElasticMqServer.start(dataDirectory.resolve("sqs"),
                    StackIdentity.LOCAL.accountId(), StackIdentity.LOCAL.region());
            started.add(sqsServer);
            SqsClient sqs = LocalClients.sqs(sqsServer.endpoint());
            clients.add(sqs);
            ResourceProvisioner.provisionQueues(template, sqs);
            return new EmbeddedServices(dynamoDbServer, s3Server, mediaConvert, cloudFront, secretsManager, sqsServer,
                    dynamoDb, tableWrites, s3, sqs);
        } catch (RuntimeException e) {
            for (AutoCloseable client : clients) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // closing what was opened, the start's failure is what matters
                }
            }
            started.reversed().forEach(LocalService::close);
            throw e;
        }
    }

    /**
     * Lets the MediaConvert emulator work: it sends the events its jobs of before a restart still owed and runs
     * the jobs not finished, then every job created.
     */
    public void runMediaConvertJobs() {
        mediaConvert.work();
    }

    /** Where the render worker makes the pipes the MediaConvert emulator reads streamed compositions from. */
    public Path intermediatePipes() {
        return mediaConvert.intermediatePipes();
    }

    public ServiceEndpoints endpoints() {
        return new ServiceEndpoints(dynamoDbServer.endpoint(), s3Server.endpoint(), mediaConvert.endpoint(),
                cloudFront.endpoint(), secretsManager.endpoint(), sqsServer.endpoint(), cloudFront.distributionUrls());
    }

    /** The stack's own client; {@link #tableWrites} announces its writes to the written table's stream pollers. */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public TableWriteAnnouncer tableWrites() {
        return tableWrites;
    }

    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** S3's object writes, for work that must not overlap one (lifecycle rules). */
    public ObjectWrites objectWrites() {
        return s3Server.writes();
    }

    /** The CloudFront emulator: its distributions and the invalidations it was sent. */
    public CloudFrontEmulator cloudFront() {
        return cloudFront;
    }

    @Override
    public void close() {
        dynamoDb.close();
        s3.close();
        sqs.close();
        List<LocalService> services = List.of(secretsManager, cloudFront, mediaConvert, sqsServer, s3Server,
                dynamoDbServer);
        RuntimeException first = null;
        for (LocalService service : services) {
            try {
                service.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
