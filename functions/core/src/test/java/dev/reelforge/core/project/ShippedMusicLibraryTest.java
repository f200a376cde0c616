package dev.reelforge.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShippedMusicLibraryTest {

    private static final String TRACK = """
            {"id": "rf-a", "title": "A", "artist": "Reelforge", "category": "Calm", "is_featured": true,
             "duration": 30, "file": "rf-a-1.m4a"}""";

    @Test
    void theShippedLibraryHasAtLeastFiveTracksOfThirtyToNinetySeconds() {
        assertThat(ShippedMusicLibrary.shipped().tracks()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(track -> assertThat(track.seconds()).isBetween(30.0, 90.0));
    }

    @Test
    void aTrackIsFoundByItsId() {
        MusicLibrary library = ShippedMusicLibrary.of("[" + TRACK + "]");
        assertThat(library.track("rf-a")).get().extracting(LibraryTrack::title, LibraryTrack::featured,
                LibraryTrack::seconds, LibraryTrack::file).containsExactly("A", true, 30.0, "rf-a-1.m4a");
        assertThat(library.track("rf-b")).isEmpty();
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        assertThatThrownBy(() -> ShippedMusicLibrary.of("[" + TRACK.replace("\"title\"", "\"name\"") + "]"))
                .isInstanceOf(MalformedLibraryException.class).hasMessageContaining("[0].name is not a known field");
    }

    @Test
    void aRepeatedIdIsRefused() {
        assertThatThrownBy(() -> ShippedMusicLibrary.of("[" + TRACK + "," + TRACK.replace("rf-a-1", "rf-a-2") + "]"))
                .isInstanceOf(MalformedLibraryException.class).hasMessageContaining("[1] repeats");
    }

    @Test
    void aFileNameThatIsAPathIsRefused() {
        assertThatThrownBy(() -> ShippedMusicLibrary.of("[" + TRACK.replace("rf-a-1.m4a", "../x.m4a") + "]"))
                .isInstanceOf(MalformedLibraryException.class).hasMessageContaining("[0].file");
    }
}
