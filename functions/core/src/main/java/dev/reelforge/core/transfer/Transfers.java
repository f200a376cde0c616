package dev.reelforge.core.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.asset.Asset;
import java.util.Optional;

/**
 * Where transfers are recorded: as assets, {@code importing}, with the URL their file is fetched from and, when it
 * has s3 ones, the transfer's {@code destinations} as sent (checked), for {@link DeliverTransfer}.
 */
public interface Transfers {

    /** Stores the new asset with its transfer URL; its id is new, so nothing is there to collide with. */
    void begin(Asset importing, String url, Optional<JsonNode> destinations);
}
