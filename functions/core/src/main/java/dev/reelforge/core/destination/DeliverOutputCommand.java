package dev.reelforge.core.destination;

import java.util.Objects;

/** An object that appeared in the temporary bucket. */
public record DeliverOutputCommand(String bucket, String key) {

    public DeliverOutputCommand {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }
}
