package dev.reelforge.local;

import dev.reelforge.local.services.DynamoDbLocalServer;
import dev.reelforge.local.services.S3ProxyServer;
import dev.reelforge.local.template.SamTemplate;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * DynamoDB Local and S3Proxy on loopback, keeping their data under the data directory, with the tables
 * and buckets of template.yaml created.
 */
public final class EmbeddedServices implements AutoCloseable {

    private final DynamoDbLocalServer dynamoDbServer;
    private final S3ProxyServer s3Server;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;

    private EmbeddedServices(DynamoDbLocalServer dynamoDbServer, S3ProxyServer s3Server) {
        this.dynamoDbServer = dynamoDbServer;
        this.s3Server = s3Server;
        this.dynamoDb = LocalClients.dynamoDb(dynamoDbServer.endpoint());
        this.s3 = LocalClients.s3(s3Server.endpoint());
    }

    public static EmbeddedServices start(Path dataDirectory, SamTemplate template) {
        LocalCredentials.installAsDefault();
        DynamoDbLocalServer dynamoDbServer = DynamoDbLocalServer.start(dataDirectory.resolve("dynamodb"));
        S3ProxyServer s3Server;
        try {
            s3Server = S3ProxyServer.start(dataDirectory.resolve("s3"), LocalCredentials.ACCESS_KEY_ID,
                    LocalCredentials.SECRET_ACCESS_KEY);
        } catch (RuntimeException e) {
            dynamoDbServer.close();
            throw e;
        }
        EmbeddedServices services = new EmbeddedServices(dynamoDbServer, s3Server);
        try {
            ResourceProvisioner.provision(template, services.dynamoDb, services.s3);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    public ServiceEndpoints endpoints() {
        return new ServiceEndpoints(dynamoDbServer.endpoint(), s3Server.endpoint());
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public S3Client s3() {
        return s3;
    }

    @Override
    public void close() {
        dynamoDb.close();
        s3.close();
        try {
            s3Server.close();
        } finally {
            dynamoDbServer.close();
        }
    }
}
