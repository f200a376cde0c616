package dev.reelforge.core.upload;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.media.StillDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Checks an uploaded file, not trusting what it claims: its size, then its first bytes against the format (declared,
 * or for an undeclared one, sniffed), then a probe (an image of the format's codec with bounded dimensions, which
 * then decodes in full; music with an audio stream and a bounded length, which it records).
 */
public final class UploadCheck {

    private final MediaProbe probe;
    private final StillDecoder decoder;

    public UploadCheck(MediaProbe probe, StillDecoder decoder) {
        this.probe = probe;
        this.decoder = decoder;
    }

    public sealed interface Outcome {

        /** The file is what it says: {@code format}, {@code bytes} long, {@code seconds} for music. */
        record Accepted(UploadFormat format, long bytes, OptionalDouble seconds) implements Outcome {}

        /** Why not, fit to show the owner. */
        record Refused(String reason) implements Outcome {}

        /** The file does not begin as the declared format does (the declaration, not the file, is at fault). */
        record NotAsDeclared(UploadFormat declared) implements Outcome {}
    }

    /** The format the file's first bytes carry, if one of {@code kind}'s. */
    public static java.util.Optional<UploadFormat> sniff(UploadKind kind, Path file) {
        return UploadFormat.sniff(kind, head(file));
    }

    /**
     * @param declared the format the owner declared; {@code null} when none was (the file's bytes decide)
     */
    public Outcome check(Path file, UploadKind kind, UploadFormat declared) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes == 0) {
            return new Outcome.Refused("the file is empty");
        }
        if (bytes > UploadLimits.MAX_BYTES) {
            return new Outcome.Refused("the file is larger than " + UploadLimits.MAX_BYTES + " bytes (25 MB)");
        }
        byte[] head = head(file);
        UploadFormat format = declared;
        if (format == null) {
            format = UploadFormat.sniff(kind, head).orElse(null);
            if (format == null) {
                return new Outcome.Refused("the file is not " + (kind == UploadKind.PHOTO ? "an image" : "music")
                        + " of an accepted type (" + UploadFormat.mediaTypes(kind) + ")");
            }
        } else if (!format.beginsLike(head)) {
            return new Outcome.NotAsDeclared(format);
        }
        return switch (probe.probe(file)) {
            case MediaProbe.ProbeResult.Unreadable unreadable ->
                    new Outcome.Refused("the file cannot be read as " + format.mediaType());
            case MediaProbe.ProbeResult.Probed probed -> kind == UploadKind.PHOTO
                    ? photo(probed.info(), format, bytes, file)
                    : music(probed.info(), format, bytes);
        };
    }

    private Outcome photo(MediaInfo info, UploadFormat format, long bytes, Path file) {
        if (info.video().isEmpty()) {
            return new Outcome.Refused("the file holds no image");
        }
        MediaInfo.VideoStream image = info.video().get();
        String expectedCodec = format == UploadFormat.PNG ? "png" : "mjpeg";
        if (!image.codec().toLowerCase(Locale.ROOT).startsWith(expectedCodec)) {
            return new Outcome.Refused("the file is not " + format.mediaType() + " as its first bytes say");
        }
        if (image.width() < 1 || image.height() < 1 || image.width() > UploadLimits.MAX_PHOTO_SIDE
                || image.height() > UploadLimits.MAX_PHOTO_SIDE
                || (long) image.width() * image.height() > UploadLimits.MAX_PHOTO_PIXELS) {
            return new Outcome.Refused("the image is " + image.width() + "x" + image.height() + ": each side must be"
                    + " at most " + UploadLimits.MAX_PHOTO_SIDE + " pixels, and the whole at most "
                    + UploadLimits.MAX_PHOTO_PIXELS + " pixels");
        }
        // only once its size is known to be bounded: decoding is the one step whose work grows with the image
        Optional<String> undecodable = decoder.failure(file);
        if (undecodable.isPresent()) {
            return new Outcome.Refused(undecodable.get());
        }
        return new Outcome.Accepted(format, bytes, OptionalDouble.empty());
    }

    private static Outcome music(MediaInfo info, UploadFormat format, long bytes) {
        if (info.audio().isEmpty()) {
            return new Outcome.Refused("the file holds no audio");
        }
        if (info.duration().isEmpty() || !(info.duration().getAsDouble() > 0)) {
            return new Outcome.Refused("the file's audio has no length");
        }
        double seconds = info.duration().getAsDouble();
        if (seconds > UploadLimits.MAX_MUSIC_LENGTH.toSeconds()) {
            return new Outcome.Refused("the music is longer than " + UploadLimits.MAX_MUSIC_LENGTH.toMinutes()
                    + " minutes");
        }
        return new Outcome.Accepted(format, bytes, OptionalDouble.of(seconds));
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(UploadFormat.HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
