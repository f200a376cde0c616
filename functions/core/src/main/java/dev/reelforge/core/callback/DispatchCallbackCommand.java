package dev.reelforge.core.callback;

import java.util.Optional;
import java.util.UUID;

/**
 * A render ended, or (with {@code assetId}) one of its hosted assets did, reaching {@code status} (its wire name:
 * {@code done}, {@code failed}, {@code ready}; {@code expired} for an asset its video's expiration deleted). The status is the event's own, since the record may have moved on
 * by the time a late or repeated event is handled (an asset deleted after it was ready still had a copy to
 * announce); everything else is read from the records.
 */
public record DispatchCallbackCommand(String owner, UUID renderId, Optional<UUID> assetId, String status) {}
