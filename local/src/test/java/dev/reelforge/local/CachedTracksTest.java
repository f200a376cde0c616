package dev.reelforge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.project.LibraryTrack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedTracksTest {

    private static final LibraryTrack TRACK = new LibraryTrack("rf-a", "A", "Reelforge", "Calm", false, 30, "rf-a-1.m4a");

    @TempDir
    Path directory;

    private final AtomicInteger made = new AtomicInteger();

    private void make(LibraryTrack track, Path target) {
        made.incrementAndGet();
        try {
            Files.writeString(target, "audio of " + track.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTrackIsMadeOnceAndCopiedIntoEveryLaterDataDirectory() throws IOException {
        Path cache = directory.resolve("cache");

        new CachedTracks(this::make, cache).make(TRACK, directory.resolve("first.m4a"));
        new CachedTracks(this::make, cache).make(TRACK, directory.resolve("second.m4a"));

        assertThat(made).hasValue(1);
        assertThat(Files.readString(directory.resolve("second.m4a"))).isEqualTo("audio of rf-a-1.m4a");
        assertThat(cache).isDirectoryContaining(file -> file.getFileName().toString().equals("rf-a-1.m4a"));
    }

    @Test
    void aTrackThatFailsToBeMadeLeavesNothingInTheCache() {
        Path cache = directory.resolve("cache");

        assertThatThrownBy(() -> new CachedTracks((track, target) -> {
            make(track, target);
            throw new IllegalStateException("ffmpeg failed");
        }, cache).make(TRACK, directory.resolve("first.m4a"))).hasMessage("ffmpeg failed");

        assertThat(cache).isEmptyDirectory();
    }
}
