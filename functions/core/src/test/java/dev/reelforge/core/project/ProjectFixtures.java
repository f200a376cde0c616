package dev.reelforge.core.project;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Sample projects for the tests: photos and music by URL. */
final class ProjectFixtures {

    private ProjectFixtures() {}

    static MediaRef url(String path) {
        return new MediaRef.Url(URI.create("https://media.example.com/" + path));
    }

    static Frame.Image photo(int index, String caption) {
        return new Frame.Image(url("photo-" + index + ".jpg"), Optional.ofNullable(caption), index * 5, index * 5 + 5);
    }

    /** Three photos (the first two captioned), a text slide, music and two credit lines. */
    static Project holiday(String style, ProjectQuality quality) {
        return new Project(Optional.of("Our holiday"), Optional.of(style), quality,
                List.of(photo(0, "The beach"), photo(1, "Dinner"), new Frame.Text("Day two", "Up the hill", 10, 15),
                        photo(3, null)),
                Optional.of(new MusicTrack(url("music.mp3"))),
                List.of(new Credit("Photos", "Ana"), new Credit("Music", "Reelforge")), Privacy.PUBLIC);
    }

    /** Every URL as is; music of the given length. */
    static MediaResolver musicOf(OptionalDouble seconds) {
        return ref -> new MediaResolver.ResolvedMedia(((MediaRef.Url) ref).url(), seconds);
    }
}
