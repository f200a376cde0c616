package dev.reelforge.core.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import java.util.Objects;

/** A Serve API transfer request: the body as sent (the contract's Transfer), for the caller's owner and environment. */
public record RequestTransferCommand(String owner, Environment environment, JsonNode body) {

    public RequestTransferCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
    }
}
