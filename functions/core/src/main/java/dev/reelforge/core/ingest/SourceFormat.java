package dev.reelforge.core.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file formats a source may be stored as, known by their first bytes (never by the name or the Content-Type the
 * sender claims), with the extension and media type the stored file gets.
 */
public enum SourceFormat {
    MP4("mp4", "video/mp4"),
    MOV("mov", "video/quicktime"),
    WEBM("webm", "video/webm"),
    MKV("mkv", "video/x-matroska"),
    AVI("avi", "video/x-msvideo"),
    GIF("gif", "image/gif"),
    JPG("jpg", "image/jpeg"),
    PNG("png", "image/png"),
    WEBP("webp", "image/webp"),
    MP3("mp3", "audio/mpeg"),
    WAV("wav", "audio/wav"),
    OGG("ogg", "audio/ogg"),
    FLAC("flac", "audio/flac");

    /** How many first bytes {@link #sniff} reads. */
    public static final int HEAD_BYTES = 64;

    private final String extension;
    private final String mediaType;

    SourceFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format the file's first bytes announce, if one of these. */
    public static Optional<SourceFormat> sniff(byte[] head) {
        if (startsWith(head, 4, "ftyp")) {
            return Optional.of(startsWith(head, 8, "qt  ") ? MOV : MP4);
        }
        if (startsWith(head, 0, new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})) {
            return Optional.of(contains(head, "webm") ? WEBM : MKV);
        }
        if (startsWith(head, 0, "RIFF")) {
            if (startsWith(head, 8, "AVI ")) {
                return Optional.of(AVI);
            }
            if (startsWith(head, 8, "WAVE")) {
                return Optional.of(WAV);
            }
            if (startsWith(head, 8, "WEBP")) {
                return Optional.of(WEBP);
            }
            return Optional.empty();
        }
        if (startsWith(head, 0, "GIF87a") || startsWith(head, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (startsWith(head, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPG);
        }
        if (startsWith(head, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, "ID3") || (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
            return Optional.of(MP3);
        }
        if (startsWith(head, 0, "OggS")) {
            return Optional.of(OGG);
        }
        if (startsWith(head, 0, "fLaC")) {
            return Optional.of(FLAC);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int offset, String ascii) {
        return startsWith(head, offset, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] head, int offset, byte[] expected) {
        return head.length >= offset + expected.length
                && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static boolean contains(byte[] head, String ascii) {
        return new String(head, StandardCharsets.ISO_8859_1).contains(ascii);
    }
}
