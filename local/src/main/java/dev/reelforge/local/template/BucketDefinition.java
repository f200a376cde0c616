package dev.reelforge.local.template;

import java.util.Map;

/** An {@code AWS::S3::Bucket} with its properties resolved. */
public record BucketDefinition(String logicalId, String bucketName, Map<String, Object> properties) {}
