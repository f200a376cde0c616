package dev.reelforge.core.project;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a published project shows: one hosted video per quality up to the chosen one, each with its CDN URL, its
 * size in bytes (when recorded) and its thumbnail's CDN URL.
 */
public record ProjectPublication(List<PublishedVideo> videos) {

    public ProjectPublication {
        videos = videos.stream().sorted(Comparator.comparingInt(video -> video.quality().height())).toList();
        if (videos.isEmpty()) {
            throw new IllegalArgumentException("a publication has at least one video");
        }
    }

    /** The best quality's video: what the public link leads to. */
    public PublishedVideo best() {
        return videos.getLast();
    }

    public record PublishedVideo(ProjectQuality quality, String url, OptionalLong size, Optional<String> thumbnail) {

        public PublishedVideo {
            Objects.requireNonNull(quality);
            Objects.requireNonNull(url);
            Objects.requireNonNull(size);
            Objects.requireNonNull(thumbnail);
        }
    }
}
