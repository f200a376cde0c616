package dev.reelforge.local.template;

import static dev.reelforge.local.template.Intrinsics.mapOrEmpty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An enabled rule of a bucket's {@code LifecycleConfiguration}, in CloudFormation's {@code AWS::S3::Bucket Rule}
 * shape: the objects it applies to ({@code Prefix}, {@code ObjectSizeGreaterThan}, {@code ObjectSizeLessThan})
 * and what it does to them (expire them {@code ExpirationInDays} after creation or on {@code ExpirationDate};
 * abort multipart uploads {@code AbortIncompleteMultipartUpload.DaysAfterInitiation} after they began).
 *
 * @param name the rule's {@code Id}, or its place in the list when it has none
 */
public record LifecycleRuleDefinition(String name, String prefix, Optional<Integer> expirationInDays,
        Optional<Instant> expirationDate, Optional<Integer> abortIncompleteUploadsAfterDays,
        Optional<Long> objectSizeGreaterThan, Optional<Long> objectSizeLessThan) {

    private static final Set<String> UNDERSTOOD = Set.of("Id", "Status", "Prefix", "ExpirationInDays", "ExpirationDate",
            "AbortIncompleteMultipartUpload", "ObjectSizeGreaterThan", "ObjectSizeLessThan");

    /** Whether the rule's filter takes the object {@code key} of {@code size} bytes. */
    public boolean appliesTo(String key, long size) {
        return key.startsWith(prefix)
                && objectSizeGreaterThan.map(bound -> size > bound).orElse(true)
                && objectSizeLessThan.map(bound -> size < bound).orElse(true);
    }

    /**
     * The enabled rules of a bucket's resolved properties. Rules asking for what the embedded stack cannot
     * apply (tags, storage classes, versions) are refused rather than skipped, so a template never seems to
     * work locally while its rules do nothing.
     *
     * @throws TemplateException naming the rule and what of it cannot be applied
     */
    static List<LifecycleRuleDefinition> parseAll(String bucketLogicalId, Map<String, Object> bucketProperties) {
        Object rules = mapOrEmpty(bucketProperties.get("LifecycleConfiguration")).get("Rules");
        if (rules == null) {
            return List.of();
        }
        if (!(rules instanceof List<?> list)) {
            throw new TemplateException(bucketLogicalId + ".LifecycleConfiguration.Rules must be a list");
        }
        List<LifecycleRuleDefinition> enabled = new ArrayList<>();
        for (int index = 0; index < list.size(); index++) {
            Map<String, Object> rule = mapOrEmpty(list.get(index));
            Object id = rule.get("Id");
            String name = id == null ? "#" + index : String.valueOf(id);
            String label = bucketLogicalId + " lifecycle rule " + name;
            Object status = rule.get("Status");
            if (!"Enabled".equals(status) && !"Disabled".equals(status)) {
                throw new TemplateException(label + ": Status must be Enabled or Disabled, found " + status);
            }
            if ("Enabled".equals(status)) {
                enabled.add(parse(label, name, rule));
            }
        }
        return List.copyOf(enabled);
    }

    private static LifecycleRuleDefinition parse(String label, String name, Map<String, Object> rule) {
        for (String property : rule.keySet()) {
            if (!UNDERSTOOD.contains(property)) {
                throw new TemplateException(label + ": " + property + " " + whyNot(property));
            }
        }
        Optional<Integer> days = Optional.ofNullable(rule.get("ExpirationInDays")).map(value -> positive(label,
                "ExpirationInDays", value));
        Optional<Instant> date = Optional.ofNullable(rule.get("ExpirationDate")).map(value -> midnight(label, value));
        Object abort = rule.get("AbortIncompleteMultipartUpload");
        Optional<Integer> abortDays = abort == null ? Optional.empty() : Optional.of(positive(label,
                "AbortIncompleteMultipartUpload.DaysAfterInitiation", mapOrEmpty(abort).get("DaysAfterInitiation")));
        if (days.isPresent() && date.isPresent()) {
            throw new TemplateException(label + ": ExpirationInDays and ExpirationDate exclude each other");
        }
        if (days.isEmpty() && date.isEmpty() && abortDays.isEmpty()) {
            throw new TemplateException(label + ": no action the embedded stack applies (ExpirationInDays, "
                    + "ExpirationDate, AbortIncompleteMultipartUpload)");
        }
        return new LifecycleRuleDefinition(name, rule.get("Prefix") == null ? "" : String.valueOf(rule.get("Prefix")),
                days, date, abortDays,
                Optional.ofNullable(rule.get("ObjectSizeGreaterThan")).map(value -> size(label, value)),
                Optional.ofNullable(rule.get("ObjectSizeLessThan")).map(value -> size(label, value)));
    }

    private static String whyNot(String property) {
        return switch (property) {
            case "Filter" -> "is the S3 API's shape; CloudFormation's Rule takes Prefix, TagFilters, "
                    + "ObjectSizeGreaterThan and ObjectSizeLessThan instead (this rule would not deploy)";
            case "TagFilters" -> "cannot be applied: the embedded stack keeps no object tags";
            case "Transition", "Transitions", "NoncurrentVersionTransition", "NoncurrentVersionTransitions" ->
                    "cannot be applied: the embedded stack has no storage classes";
            case "NoncurrentVersionExpiration", "NoncurrentVersionExpirationInDays", "ExpiredObjectDeleteMarker" ->
                    "cannot be applied: the embedded stack's buckets keep no versions";
            default -> "is not a property of an AWS::S3::Bucket Rule the embedded stack knows";
        };
    }

    private static int positive(String label, String property, Object value) {
        try {
            int days = Integer.parseInt(String.valueOf(value));
            if (days > 0) {
                return days;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new TemplateException(label + ": " + property + " must be a positive number of days, found " + value);
    }

    private static long size(String label, Object value) {
        try {
            return Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new TemplateException(label + ": an object size is a number of bytes, found " + value);
        }
    }

    /** S3 takes an expiration date only at midnight UTC. */
    private static Instant midnight(String label, Object value) {
        Instant date;
        if (value instanceof Date yamlTimestamp) {
            date = yamlTimestamp.toInstant();
        } else {
            String text = String.valueOf(value);
            try {
                date = text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new TemplateException(label + ": ExpirationDate is an ISO 8601 date, found " + text);
            }
        }
        if (!date.equals(date.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new TemplateException(label + ": ExpirationDate must be midnight UTC, found " + date);
        }
        return date;
    }
}
