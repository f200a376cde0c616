package dev.reelforge.local;

import dev.reelforge.core.project.LibraryTrack;
import dev.reelforge.library.TrackMaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Library tracks made once per machine: a track's file is the same wherever it is made (its score is fixed and its
 * file name changes with it), so the embedded stack keeps what it made in a cache directory beside the data
 * directories and copies it into each new one, instead of synthesising and encoding minutes of audio at every fresh
 * start. A file enters the cache whole (made aside, then moved), so stacks starting side by side never read half.
 */
final class CachedTracks implements TrackMaker {

    private final TrackMaker maker;
    private final Path cache;

    CachedTracks(TrackMaker maker, Path cache) {
        this.maker = maker;
        this.cache = cache;
    }

    /** The machine's cache: {@code reelforge-music-library} in the temporary directory. */
    static Path machineCache() {
        return Path.of(System.getProperty("java.io.tmpdir"), "reelforge-music-library");
    }

    @Override
    public void make(LibraryTrack track, Path target) {
        Path cached = cache.resolve(track.file());
        try {
            if (!Files.isRegularFile(cached)) {
                Files.createDirectories(cache);
                Path making = Files.createTempDirectory(cache, "making-");
                try {
                    Path made = making.resolve(track.file());
                    maker.make(track, made);
                    Files.move(made, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    try (var leftovers = Files.list(making)) {
                        for (Path leftover : leftovers.toList()) {
                            Files.deleteIfExists(leftover);
                        }
                    }
                    Files.deleteIfExists(making);
                }
            }
            Files.copy(cached, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + track.file() + " through the cache " + cache, e);
        }
    }
}
