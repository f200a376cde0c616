package dev.reelforge.local.mediaconvert;

import dev.reelforge.local.mediaconvert.JobSpec.OutputSpec;
import dev.reelforge.local.mediaconvert.JobSpec.S3Location;

/**
 * Where MediaConvert writes an output of a file group: the destination's last segment is the base file name
 * (or, when the destination ends with a slash, the first input's file name without its extension), followed by
 * the output's name modifier, for a frame capture the capture's number in seven digits from 0, and the
 * extension: {@code s3://b/renders/o/r} + {@code -poster} gives {@code renders/o/r-poster.0000001.jpg}.
 */
final class Destinations {

    private Destinations() {}

    /** The key an output writes; for a frame capture, that of capture number {@code capture} (from 0). */
    static String key(S3Location destination, S3Location input, OutputSpec output, int capture) {
        String path = destination.key();
        String folder;
        String base;
        if (path.isEmpty() || path.endsWith("/")) {
            folder = path;
            String name = input.fileName();
            int dot = name.lastIndexOf('.');
            base = dot > 0 ? name.substring(0, dot) : name;
        } else {
            int slash = path.lastIndexOf('/');
            folder = path.substring(0, slash + 1);
            base = path.substring(slash + 1);
        }
        String sequence = output.isFrameCapture() ? String.format(".%07d", capture) : "";
        return folder + base + output.nameModifier() + sequence + "." + output.extension();
    }
}
