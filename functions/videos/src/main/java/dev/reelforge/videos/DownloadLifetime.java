package dev.reelforge.videos;

import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.MissingConfigurationException;
import java.time.Duration;

/**
 * How long a downloadable file can be downloaded once available ({@code DOWNLOAD_LIFETIME}, seed 001's 24 hours).
 * At most a day: the temporary bucket's lifecycle rule deletes objects under {@code renders/} a day after they were
 * written (S3 rounds up to the next midnight), so a longer URL would outlive its file.
 */
final class DownloadLifetime {

    static final Duration LONGEST = Duration.ofDays(1);

    private DownloadLifetime() {}

    static Duration of(FunctionEnvironment environment) {
        Duration lifetime = environment.requiredDuration("DOWNLOAD_LIFETIME");
        if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(LONGEST) > 0) {
            throw new MissingConfigurationException("DOWNLOAD_LIFETIME must be 1 minute to 1 day (the temporary"
                    + " bucket keeps files a day): " + lifetime);
        }
        return lifetime;
    }
}
