package dev.reelforge.core.transfer;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.validation.Violation;
import java.util.List;

public sealed interface RequestTransferResult {

    /** The transfer's asset, {@code importing}; {@code clientId} the {@code id} the client gave. */
    record Queued(Asset asset, String clientId) implements RequestTransferResult {}

    record Invalid(List<Violation> violations) implements RequestTransferResult {

        public Invalid {
            violations = List.copyOf(violations);
        }
    }
}
