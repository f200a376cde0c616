package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import java.util.Objects;
import java.util.UUID;

/** An owner sets the expiration rule of one of its videos, through a client that may or may not manage expiration. */
public record SetExpirationCommand(String owner, Environment environment, boolean managesExpiration, UUID id,
        ExpirationRule rule) {

    public SetExpirationCommand {
        Objects.requireNonNull(rule, "rule");
    }
}
