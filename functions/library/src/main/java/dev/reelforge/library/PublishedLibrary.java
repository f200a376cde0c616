package dev.reelforge.library;

import java.util.List;

/**
 * What {@link PublishMusicLibrary} did.
 *
 * @param written the files it made and wrote
 * @param present the files that were there already (left as they are)
 */
public record PublishedLibrary(List<String> written, List<String> present) {

    public PublishedLibrary {
        written = List.copyOf(written);
        present = List.copyOf(present);
    }
}
