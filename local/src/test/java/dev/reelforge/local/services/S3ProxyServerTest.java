package dev.reelforge.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalCredentials;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Proxy as the stack runs it, answering the SDK's S3 client built as the stack and the functions build it. */
class S3ProxyServerTest {

    /**
     * Before S3Proxy read uploads to their end, about one upload in two hundred was written twice on loopback: this
     * many found several.
     */
    private static final int UPLOADS = 1000;

    @TempDir
    Path directory;

    /**
     * The SDK sends a PutObject body in signed chunks followed by a trailing checksum, and S3Proxy stores the object
     * once it has the data, before reading the trailer. An upload must not be written twice: if the store dropped
     * the connection with the trailer unread, the SDK lost the answer, sent the upload again, and it was written
     * and announced twice.
     */
    @Test
    void everyUploadOverAPooledConnectionIsWrittenOnce() {
        Map<String, Integer> writes = new ConcurrentHashMap<>();
        try (S3ProxyServer server = S3ProxyServer.start(directory, LocalCredentials.ACCESS_KEY_ID,
                LocalCredentials.SECRET_ACCESS_KEY, Clock.systemUTC(), created -> writes.merge(created.key(), 1, Integer::sum));
                S3Client s3 = LocalClients.s3(server.endpoint())) {
            s3.createBucket(create -> create.bucket("uploads"));

            for (int i = 0; i < UPLOADS; i++) {
                String key = "clip-" + i + ".bin";
                s3.putObject(put -> put.bucket("uploads").key(key), RequestBody.fromString("the bytes of " + key));
            }

            assertThat(writes).hasSize(UPLOADS);
            assertThat(writes.entrySet()).as("keys written more than once").filteredOn(entry -> entry.getValue() > 1)
                    .isEmpty();
            assertThat(s3.getObjectAsBytes(get -> get.bucket("uploads").key("clip-7.bin")).asUtf8String())
                    .isEqualTo("the bytes of clip-7.bin");
        }
    }
}
