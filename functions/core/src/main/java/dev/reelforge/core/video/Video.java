package dev.reelforge.core.video;

import dev.reelforge.core.Environment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A hosted video as the Videos API (IBM's dialect) describes it: what IBM's fields need that the asset does not
 * hold. Its {@code id} is its asset's id (a render's hosted {@code {renderId}.mp4}); whether it is still a video is
 * the asset's to say ({@link VideoAssets}). {@code length} is in seconds as IBM writes it (a decimal string), empty
 * while the render has not reported it; {@code fileSize} is the hosted file's size in bytes; {@code url} the hosted
 * file's CDN address.
 */
public record Video(UUID id, String owner, Environment environment, UUID renderId, Instant added, String title,
        String description, Protection protection, Optional<String> length, long fileSize, String url,
        ExpirationRule expiration) {

    public Video {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(renderId, "renderId");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expiration, "expiration");
        if (fileSize < 0) {
            throw new IllegalArgumentException("a file size is not negative: " + fileSize);
        }
    }

    /** The channel the video is listed in: its owner's in its environment. */
    public String channel() {
        return ChannelId.of(owner, environment);
    }

    /**
     * A video just hosted: titled by its file's name, no description, public, never expiring.
     *
     * @param filename the hosted file's name ({@code {renderId}.mp4})
     */
    public static Video hosted(UUID id, String owner, Environment environment, UUID renderId, String filename,
            String url, long fileSize, Optional<String> length, Instant now) {
        return new Video(id, owner, environment, renderId, now, filename, "", Protection.PUBLIC, length, fileSize, url,
                ExpirationRule.never());
    }

    /** A length in seconds as IBM writes it: a decimal string, to the millisecond, without trailing zeros. */
    public static String lengthOf(double seconds) {
        return BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
