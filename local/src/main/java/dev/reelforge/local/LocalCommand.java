package dev.reelforge.local;

import dev.reelforge.core.Environment;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code reelforge local}: runs the embedded stack until Ctrl-C or SIGTERM, then stops every service, printing its
 * log to standard output as {@code --log-format} says ({@link LogFormat}); with json, what it says to a person goes
 * to standard error, so that standard output is JSON lines only.
 */
final class LocalCommand {

    static final int DEFAULT_PORT = 3000;

    private LocalCommand() {}

    static int run(CommandLine options) throws InterruptedException {
        int port = options.option("port").map(Integer::parseInt).orElse(DEFAULT_PORT);
        LogFormat logFormat = LogFormat.of(options);
        LocalStack stack = LocalStack.start(new LocalStack.Options(options.template(), options.dataDirectory(), port,
                logFormat.printer(System.out), !options.flag("no-loopback-sources"), Optional.empty(),
                options.option("chunk-seconds").map(seconds -> Map.of(LocalTemplate.CHUNK_SECONDS, seconds))
                        .orElse(Map.of())));
        PrintStream person = logFormat == LogFormat.JSON ? System.err : System.out;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            person.println("stopping the embedded stack...");
            stack.close();
            stopped.countDown();
        }, "reelforge-shutdown"));
        LocalDescriptor descriptor = stack.descriptor();
        person.println("""

                Reelforge embedded stack is running (Ctrl-C stops it)
                  dashboard    %s   (sign in with a key below)
                  API          %s   (Edit API: %s/edit/stage, %s/edit/v1)
                  DynamoDB     %s
                  S3           %s
                  MediaConvert %s
                  CloudFront   %s   (API)
                  CDN          %s   (hosted assets: /{owner}/{filename})
                  temporary    %s   (render outputs, to signed URLs)
                  Secrets      %s
                  SQS          %s
                  control      %s   (clock: %s, real time + %s; ./reelforge clock advance PT25H)
                  owner        %s
                  stage key    %s
                  v1 key       %s
                  described in %s
                """.formatted(descriptor.services().get("dashboard") + "/", descriptor.apiUrl(), descriptor.apiUrl(), descriptor.apiUrl(),
                descriptor.services().get("dynamodb"), descriptor.services().get("s3"),
                descriptor.services().get("mediaconvert"), descriptor.services().get("cloudfront"),
                descriptor.services().get("cdn"), descriptor.services().get("temporaryCdn"),
                descriptor.services().get("secretsmanager"), descriptor.services().get("sqs"),
                descriptor.services().get(LocalStack.CONTROL_SERVICE),
                stack.clock().instant(), stack.clock().offset(), descriptor.owner(),
                descriptor.apiKey(Environment.STAGE), descriptor.apiKey(Environment.V1),
                options.dataDirectory().resolve(LocalDescriptor.FILE_NAME).toAbsolutePath()));
        stopped.await();
        return 0;
    }
}
