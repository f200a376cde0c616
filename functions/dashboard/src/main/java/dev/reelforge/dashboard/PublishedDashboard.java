package dev.reelforge.dashboard;

import java.util.List;

/**
 * What {@link PublishDashboard} did.
 *
 * @param written the keys it wrote (every file of the dashboard and {@code config.json})
 * @param removed the keys that were in the bucket and are no longer the dashboard's
 */
public record PublishedDashboard(List<String> written, List<String> removed) {

    public PublishedDashboard {
        written = List.copyOf(written);
        removed = List.copyOf(removed);
    }
}
