package dev.reelforge.core.pipeline;

import dev.reelforge.core.media.MediaInfo;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the platform lets an encoding job read a composition while it is being written, so that composing and
 * encoding overlap instead of running one after the other: on the embedded stack, a named pipe its MediaConvert
 * emulator reads in place of the intermediate's object. MediaConvert on AWS reads stored objects only, so there
 * the composition is stored whole first ({@link #NONE}).
 */
@FunctionalInterface
public interface IntermediatePipes {

    /** The platform has no pipes: every composition is stored whole before its job starts. */
    IntermediatePipes NONE = (location, streamed) -> Optional.empty();

    /**
     * The pipe a job whose input is {@code location} reads from, made if it is not there yet (a retry composes
     * again into the pipe its job already waits on), with {@code streamed} stated beside it: what a probe of the
     * composition would find, since probing the pipe would consume what it reads. Empty where the platform has none.
     */
    Optional<Path> open(String location, MediaInfo streamed);
}
