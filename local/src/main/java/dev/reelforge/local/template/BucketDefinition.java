package dev.reelforge.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::S3::Bucket} with its properties resolved.
 *
 * @param lifecycleRules the enabled rules of its {@code LifecycleConfiguration}
 */
public record BucketDefinition(String logicalId, String bucketName, Map<String, Object> properties,
        List<LifecycleRuleDefinition> lifecycleRules) {

    public BucketDefinition {
        lifecycleRules = List.copyOf(lifecycleRules);
    }

    /**
     * A bucket whose lifecycle rules are read from its properties.
     *
     * @throws TemplateException when a rule asks for what the embedded stack cannot apply
     */
    public BucketDefinition(String logicalId, String bucketName, Map<String, Object> properties) {
        this(logicalId, bucketName, properties, LifecycleRuleDefinition.parseAll(logicalId, properties));
    }
}
