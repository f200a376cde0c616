package dev.reelforge.core.asset;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of the asset that hosts one output file of a render, derived from the render id and the file's
 * name rather than drawn at random. Assets are created from events that arrive at least once and in any
 * order (an output's creation in the temporary bucket, a job's completion); each delivery computes the
 * same id for the same output, so {@link Assets#begin} finds the asset already there and changes
 * nothing, and a render has exactly one asset per output however often it is announced.
 *
 * <p>The id is a name-based (version 3) UUID of {@code reelforge-asset:<renderId>/<filename>}: render ids
 * are random UUIDs, so no two outputs, of any owner, share an asset id.
 */
public final class AssetId {

    private AssetId() {}

    public static UUID of(UUID renderId, String filename) {
        return UUID.nameUUIDFromBytes(("reelforge-asset:" + renderId + "/" + filename).getBytes(StandardCharsets.UTF_8));
    }
}
