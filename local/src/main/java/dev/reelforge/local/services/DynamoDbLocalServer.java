package dev.reelforge.local.services;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * AWS's DynamoDB Local, in this JVM, keeping its tables in one SQLite file under {@code directory}
 * ({@code -sharedDb}: one database whatever region or credentials a client uses).
 */
public final class DynamoDbLocalServer implements LocalService {

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static DynamoDbLocalServer start(Path directory) {
        try {
            Files.createDirectories(directory);
            int port = LoopbackPorts.stable();
            DynamoDBProxyServer server;
            // DynamoDB Local prints its banner on standard output, which ./reelforge invoke keeps for the response.
            PrintStream standardOutput = System.out;
            System.setOut(System.err);
            try {
                server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-port", Integer.toString(port),
                    "-dbPath", directory.toAbsolutePath().toString(),
                    "-sharedDb",
                    "-disableTelemetry"
                });
                server.start();
            } finally {
                System.setOut(standardOutput);
            }
            return new DynamoDbLocalServer(server, port);
        } catch (Exception e) {
            throw new LocalServiceException("DynamoDB Local did not start", e);
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new LocalServiceException("DynamoDB Local did not stop cleanly", e);
        }
    }
}
