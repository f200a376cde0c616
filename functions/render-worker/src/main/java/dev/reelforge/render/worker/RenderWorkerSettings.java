package dev.reelforge.render.worker;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.config.MissingConfigurationException;
import dev.reelforge.aws.config.TemporaryUrlSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the render worker reads from its environment (see template.yaml). */
record RenderWorkerSettings(AwsSettings aws, String rendersTable, String tempBucket, String mediaConvertRoleArn,
        Optional<String> mediaConvertQueueArn, String watermarkKey, Path ffmpeg, boolean allowLoopbackSources,
        long maxSourceBytes, Duration maxSourceLength, Duration maxOutputLength, Set<String> sourceBuckets,
        Path workDirectory, TemporaryUrlSettings temporaryUrls) {

    static RenderWorkerSettings from(EnvironmentVariables environment) {
        return new RenderWorkerSettings(
                AwsSettings.from(environment),
                environment.required("RENDERS_TABLE"),
                environment.required("TEMP_BUCKET"),
                environment.required("MEDIACONVERT_ROLE_ARN"),
                environment.optional("MEDIACONVERT_QUEUE_ARN"),
                environment.required("WATERMARK_KEY"),
                Path.of(environment.required("FFMPEG")),
                Boolean.parseBoolean(environment.required("ALLOW_LOOPBACK_SOURCES")),
                number(environment, "MAX_SOURCE_BYTES"),
                Duration.ofSeconds(number(environment, "MAX_SOURCE_SECONDS")),
                Duration.ofSeconds(number(environment, "MAX_OUTPUT_SECONDS")),
                environment.optional("SOURCE_BUCKETS")
                        .map(names -> Arrays.stream(names.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                                .collect(Collectors.toSet()))
                        .orElse(Set.of()),
                environment.optional("WORK_DIRECTORY").map(Path::of)
                        .orElse(Path.of(System.getProperty("java.io.tmpdir"), "reelforge")),
                TemporaryUrlSettings.from(environment));
    }

    private static long number(EnvironmentVariables environment, String name) {
        String value = environment.required(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MissingConfigurationException(name + " is not a whole number: " + value);
        }
    }
}
