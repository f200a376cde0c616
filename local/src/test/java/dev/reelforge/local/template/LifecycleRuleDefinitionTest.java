package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.reelforge.local.ProjectFiles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lifecycle rules are read as CloudFormation writes them, and refused when the stack could not apply them. */
class LifecycleRuleDefinitionTest {

    private static BucketDefinition bucket(Map<String, Object> rule) {
        return new BucketDefinition("MediaBucket", "media", Map.of("LifecycleConfiguration", Map.of("Rules", List.of(rule))));
    }

    @Test
    void theTemporaryBucketExpiresOutputsAndIntermediatesAfterADayAndAbortsStaleUploads() {
        BucketDefinition temp = SamTemplate.load(ProjectFiles.template()).buckets().stream()
                .filter(bucket -> bucket.logicalId().equals("TempBucket")).findFirst().orElseThrow();

        assertThat(temp.lifecycleRules()).extracting(LifecycleRuleDefinition::name, LifecycleRuleDefinition::prefix,
                        LifecycleRuleDefinition::expirationInDays, LifecycleRuleDefinition::abortIncompleteUploadsAfterDays)
                .containsExactly(
                        tuple("ExpireRenderOutputs", "renders/", Optional.of(1), Optional.empty()),
                        tuple("ExpireIntermediates", "work/", Optional.of(1), Optional.empty()),
                        tuple("ExpireIngestUploads", "ingest/", Optional.of(1), Optional.empty()),
                        tuple("AbortIncompleteUploads", "", Optional.empty(), Optional.of(1)));
    }

    @Test
    void sizeBoundsAndADateAreApplied() {
        LifecycleRuleDefinition rule = bucket(Map.of("Id", "Big", "Status", "Enabled", "Prefix", "logs/",
                "ExpirationDate", "2026-03-01T00:00:00Z", "ObjectSizeGreaterThan", "1000", "ObjectSizeLessThan", 5000))
                .lifecycleRules().getFirst();

        assertThat(rule.expirationDate()).contains(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(rule.appliesTo("logs/a", 1001)).isTrue();
        assertThat(rule.appliesTo("logs/a", 1000)).isFalse();
        assertThat(rule.appliesTo("logs/a", 5000)).isFalse();
        assertThat(rule.appliesTo("other/a", 2000)).isFalse();
    }

    @Test
    void aDisabledRuleIsNotApplied() {
        assertThat(bucket(Map.of("Id", "Off", "Status", "Disabled", "ExpirationInDays", 1)).lifecycleRules()).isEmpty();
    }

    @Test
    void whatTheStackCannotApplyIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> bucket(Map.of("Id", "ByTag", "Status", "Enabled", "ExpirationInDays", 1,
                "TagFilters", List.of(Map.of("Key", "k", "Value", "v")))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("MediaBucket lifecycle rule ByTag")
                .hasMessageContaining("TagFilters");
        assertThatThrownBy(() -> bucket(Map.of("Id", "Cold", "Status", "Enabled",
                "Transitions", List.of(Map.of("StorageClass", "GLACIER", "TransitionInDays", 30)))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Cold").hasMessageContaining("storage classes");
        assertThatThrownBy(() -> bucket(Map.of("Status", "Enabled", "ExpirationInDays", 1,
                "Filter", Map.of("Prefix", "renders/"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("rule #0")
                .hasMessageContaining("CloudFormation's Rule takes Prefix");
    }

    @Test
    void aRuleMustSayWhetherItIsEnabledAndDoSomething() {
        assertThatThrownBy(() -> bucket(Map.of("Id", "Vague", "ExpirationInDays", 1)))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Status");
        assertThatThrownBy(() -> bucket(Map.of("Id", "Idle", "Status", "Enabled", "Prefix", "x/")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("no action");
        assertThatThrownBy(() -> bucket(Map.of("Id", "Never", "Status", "Enabled", "ExpirationInDays", 0)))
                .isInstanceOf(TemplateException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> bucket(Map.of("Id", "Noon", "Status", "Enabled", "ExpirationDate", "2026-03-01T12:00:00Z")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("midnight UTC");
    }
}
