package dev.reelforge.library;

import dev.reelforge.core.project.LibraryTrack;
import java.nio.file.Path;

/** Makes the file of a library track. */
@FunctionalInterface
public interface TrackMaker {

    /** Writes {@code track}'s file (M4A) to {@code target}. */
    void make(LibraryTrack track, Path target);
}
