package dev.reelforge.library;

import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3MusicLibraryFiles;
import dev.reelforge.core.project.LibraryTrack;
import dev.reelforge.core.project.MusicLibrary;
import dev.reelforge.core.project.MusicLibraryFiles;
import dev.reelforge.core.project.ShippedMusicLibrary;
import dev.reelforge.runtime.FunctionEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts every track of the library in the hosting bucket that is not there yet: synthesised from its score for exactly
 * its listed duration, encoded to M4A, written under {@code library/music/{file}}. Files already there are left
 * alone (a file's name changes with its sound), so running it again, or twice at once, writes nothing new. The AWS
 * stack runs it at deployment (a custom resource), the embedded stack at each start.
 */
public final class PublishMusicLibrary {

    private final MusicLibrary library;
    private final MusicLibraryFiles files;
    private final TrackMaker maker;

    public PublishMusicLibrary(MusicLibrary library, MusicLibraryFiles files, TrackMaker maker) {
        this.library = library;
        this.files = files;
        this.maker = maker;
    }

    /** The shipped library, written to {@code HOSTING_BUCKET}, each file made by {@code maker}. */
    public static PublishMusicLibrary of(FunctionEnvironment environment, TrackMaker maker) {
        return new PublishMusicLibrary(ShippedMusicLibrary.shipped(),
                new S3MusicLibraryFiles(S3Buckets.client(environment), environment.required("HOSTING_BUCKET")), maker);
    }

    /** The shipped library, written to {@code HOSTING_BUCKET}, synthesised and encoded with {@code FFMPEG}. */
    public static PublishMusicLibrary of(FunctionEnvironment environment) {
        return of(environment, synthesised(Path.of(environment.required("FFMPEG"))));
    }

    /** Tracks made from their scores, encoded with this ffmpeg. */
    public static TrackMaker synthesised(Path ffmpeg) {
        return new SynthesisedTracks(new Synthesiser(), new AacEncoder(ffmpeg));
    }

    public PublishedLibrary publish(PublishLibraryCommand command) {
        List<String> written = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (LibraryTrack track : library.tracks()) {
            if (files.has(track.file())) {
                present.add(track.file());
                continue;
            }
            try {
                Files.createDirectories(command.workDirectory());
                Path m4a = command.workDirectory().resolve(track.file());
                maker.make(track, m4a);
                files.put(track.file(), m4a, "audio/mp4");
                Files.deleteIfExists(m4a);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make " + track.file(), e);
            }
            written.add(track.file());
        }
        return new PublishedLibrary(written, present);
    }
}
