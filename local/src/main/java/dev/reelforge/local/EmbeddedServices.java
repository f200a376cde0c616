package dev.reelforge.local;

import dev.reelforge.local.mediaconvert.MediaConvertEmulator;
import dev.reelforge.local.s3.ObjectCreated;
import dev.reelforge.local.s3.ObjectWrites;
import dev.reelforge.local.services.DynamoDbLocalServer;
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

/**
 * DynamoDB Local, S3Proxy and the MediaConvert emulator on loopback, keeping their data under the data
 * directory, with the tables and buckets of template.yaml created.
 */
public final class EmbeddedServices implements AutoCloseable {

    private final DynamoDbLocalServer dynamoDbServer;
    private final S3ProxyServer s3Server;
    private final MediaConvertEmulator mediaConvert;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;

    private EmbeddedServices(DynamoDbLocalServer dynamoDbServer, S3ProxyServer s3Server, MediaConvertEmulator mediaConvert,
            DynamoDbClient dynamoDb, S3Client s3) {
        this.dynamoDbServer = dynamoDbServer;
        this.s3Server = s3Server;
        this.mediaConvert = mediaConvert;
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
    }

    /**
     * @param ffmpeg             what the MediaConvert emulator encodes with
     * @param mediaConvertEvents receives the emulator's job state change events (EventBridge JSON)
     */
    public static EmbeddedServices start(Path dataDirectory, SamTemplate template, Path ffmpeg,
            Consumer<String> mediaConvertEvents) {
        return start(dataDirectory, template, ffmpeg, mediaConvertEvents, Clock.systemUTC(), created -> {});
    }

    /**
     * As {@link #start(Path, SamTemplate, Path, Consumer)}, the services telling time by {@code clock} (object
     * times, MediaConvert jobs and events).
     *
     * @param objectCreated told of every object S3 requests create, on the request's thread (must not block)
     */
    public static EmbeddedServices start(Path dataDirectory, SamTemplate template, Path ffmpeg,
            Consumer<String> mediaConvertEvents, Clock clock, Consumer<ObjectCreated> objectCreated) {
        LocalCredentials.installAsDefault();
        List<LocalService> started = new ArrayList<>();
        try {
            DynamoDbLocalServer dynamoDbServer = DynamoDbLocalServer.start(dataDirectory.resolve("dynamodb"));
            started.add(dynamoDbServer);
            S3ProxyServer s3Server = S3ProxyServer.start(dataDirectory.resolve("s3"), LocalCredentials.ACCESS_KEY_ID,
                    LocalCredentials.SECRET_ACCESS_KEY, clock, objectCreated);
            started.add(s3Server);
            DynamoDbClient dynamoDb = LocalClients.dynamoDb(dynamoDbServer.endpoint());
            S3Client s3 = LocalClients.s3(s3Server.endpoint());
            ResourceProvisioner.provision(template, dynamoDb, s3);
            MediaConvertEmulator mediaConvert = MediaConvertEmulator.start(ffmpeg, s3,
                    dataDirectory.resolve("mediaconvert"), StackIdentity.LOCAL.accountId(), StackIdentity.LOCAL.region(),
                    mediaConvertEvents, clock);
            return new EmbeddedServices(dynamoDbServer, s3Server, mediaConvert, dynamoDb, s3);
        } catch (RuntimeException e) {
            started.reversed().forEach(LocalService::close);
            throw e;
        }
    }

    public ServiceEndpoints endpoints() {
        return new ServiceEndpoints(dynamoDbServer.endpoint(), s3Server.endpoint(), mediaConvert.endpoint());
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public S3Client s3() {
        return s3;
    }

    /** S3's object writes, for work that must not overlap one (lifecycle rules). */
    public ObjectWrites objectWrites() {
        return s3Server.writes();
    }

    @Override
    public void close() {
        dynamoDb.close();
        s3.close();
        try {
            mediaConvert.close();
        } finally {
            try {
                s3Server.close();
            } finally {
                dynamoDbServer.close();
            }
        }
    }
}
