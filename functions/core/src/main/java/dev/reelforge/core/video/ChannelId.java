package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of an owner's one channel in an environment, where the Videos API lists its videos. It is derived rather
 * than stored: every owner has exactly one channel per environment, so there is nothing to create or look up. The id
 * is the name-based (version 3) UUID of {@code reelforge-channel:<owner>/<environment>}.
 */
public final class ChannelId {

    private ChannelId() {}

    public static String of(String owner, Environment environment) {
        return UUID.nameUUIDFromBytes(("reelforge-channel:" + owner + "/" + environment.pathName())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
