package dev.reelforge.core.destination;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The buckets the owners of one deployment have granted Reelforge, each with the role to reach it through: read once
 * from the function's configuration ({@code S3_DESTINATION_GRANTS}, template.yaml's {@code S3DestinationGrants}), as
 * comma-separated {@code bucket=roleArn} entries. An entry without a role ({@code bucket}) is a bucket the stack's
 * own credentials reach: the embedded stack's S3Proxy buckets. On AWS the role is assumed with the owner's id as
 * external id, so a role whose trust policy names one owner serves that owner only.
 */
public record BucketGrants(Map<String, Optional<String>> roles) {

    public static final BucketGrants NONE = new BucketGrants(Map.of());

    public BucketGrants {
        roles = Map.copyOf(roles);
    }

    /** {@code bucket=arn:aws:iam::123456789012:role/reelforge,other-bucket}; blank entries are ignored. */
    public static BucketGrants parse(String configured) {
        Map<String, Optional<String>> roles = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                roles.put(trimmed, Optional.empty());
            } else {
                String role = trimmed.substring(equals + 1).trim();
                roles.put(trimmed.substring(0, equals).trim(), role.isEmpty() ? Optional.empty() : Optional.of(role));
            }
        }
        return new BucketGrants(roles);
    }

    /** Why an s3 destination naming {@code bucket}, which is not granted, is refused. */
    public static String notGranted(String bucket) {
        return "'" + bucket + "' has not been granted to Reelforge: its owner grants a bucket through the"
                + " deployment's S3DestinationGrants (README, \"Sending renders to your bucket\")";
    }

    public boolean grants(String bucket) {
        return roles.containsKey(bucket);
    }

    /** The role to assume for {@code bucket}; empty for a bucket reached with the stack's own credentials. */
    public Optional<String> roleOf(String bucket) {
        return roles.getOrDefault(bucket, Optional.empty());
    }
}
