package dev.reelforge.local.template;

import static dev.reelforge.local.template.Intrinsics.mapOrEmpty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A function's {@code S3} event: the bucket's notifications of the {@code events} it names (as S3 spells them,
 * {@code s3:ObjectCreated:*}, {@code s3:ObjectCreated:Put}, ...), for keys that pass its
 * {@code Filter.S3Key.Rules} (a prefix, a suffix).
 *
 * @param name the event's name under the function's {@code Events}; the notification's configuration id
 */
public record BucketEventDefinition(String name, String bucketLogicalId, List<String> events, Optional<String> prefix,
        Optional<String> suffix) {

    /** The object-created event types S3 sends, which are the ones the embedded stack delivers. */
    public static final Set<String> OBJECT_CREATED = Set.of("s3:ObjectCreated:*", "s3:ObjectCreated:Put",
            "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload");

    public BucketEventDefinition {
        events = List.copyOf(events);
    }

    /**
     * Whether a notification of {@code eventName} (as records name it: {@code ObjectCreated:Put}) for the object
     * {@code key} goes to this event's function.
     */
    public boolean matches(String eventName, String key) {
        String type = "s3:" + eventName;
        String wildcard = type.substring(0, type.lastIndexOf(':')) + ":*";
        return (events.contains(type) || events.contains(wildcard))
                && prefix.map(key::startsWith).orElse(true)
                && suffix.map(key::endsWith).orElse(true);
    }

    /**
     * Reads the event's {@code Properties} (the bucket already resolved to its logical id).
     *
     * @throws TemplateException for event types the stack does not deliver and filters S3 would refuse
     */
    static BucketEventDefinition parse(String label, String name, String bucketLogicalId, Map<String, Object> source) {
        List<String> events = new ArrayList<>();
        Object declared = source.get("Events");
        if (declared instanceof List<?> list) {
            list.forEach(event -> events.add(String.valueOf(event)));
        } else if (declared != null) {
            events.add(String.valueOf(declared));
        }
        if (events.isEmpty()) {
            throw new TemplateException(label + ": an S3 event names its Events");
        }
        for (String event : events) {
            if (!OBJECT_CREATED.contains(event)) {
                throw new TemplateException(label + ": the embedded stack delivers S3 object-created events "
                        + OBJECT_CREATED + ", not " + event);
            }
        }
        Optional<String> prefix = Optional.empty();
        Optional<String> suffix = Optional.empty();
        Object rules = mapOrEmpty(mapOrEmpty(source.get("Filter")).get("S3Key")).get("Rules");
        if (rules instanceof List<?> list) {
            for (Object rule : list) {
                Map<String, Object> filterRule = mapOrEmpty(rule);
                String ruleName = String.valueOf(filterRule.get("Name")).toLowerCase(Locale.ROOT);
                Optional<String> value = Optional.of(String.valueOf(filterRule.get("Value")));
                switch (ruleName) {
                    case "prefix" -> {
                        if (prefix.isPresent()) {
                            throw new TemplateException(label + ": S3 takes one prefix rule per filter");
                        }
                        prefix = value;
                    }
                    case "suffix" -> {
                        if (suffix.isPresent()) {
                            throw new TemplateException(label + ": S3 takes one suffix rule per filter");
                        }
                        suffix = value;
                    }
                    default -> throw new TemplateException(label + ": a filter rule is named prefix or suffix, not "
                            + filterRule.get("Name"));
                }
            }
        } else if (rules != null) {
            throw new TemplateException(label + ": Filter.S3Key.Rules must be a list");
        }
        return new BucketEventDefinition(name, bucketLogicalId, events, prefix, suffix);
    }
}
