package dev.reelforge.core.upload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types an owner may upload, each known by its media type (and the aliases clients send), the extension its
 * file is stored under, and the bytes it begins with. The bytes decide: a declared type that the file does not begin
 * like is refused, and a file sent without a type (Picovico's SDKs send none) is taken for what it begins like.
 */
public enum UploadFormat {
    JPEG(UploadKind.PHOTO, "image/jpeg", "jpg", List.of("image/jpg", "image/pjpeg")),
    PNG(UploadKind.PHOTO, "image/png", "png", List.of()),
    MP3(UploadKind.MUSIC, "audio/mpeg", "mp3", List.of("audio/mp3", "audio/mpeg3", "audio/x-mpeg")),
    WAV(UploadKind.MUSIC, "audio/wav", "wav", List.of("audio/x-wav", "audio/wave", "audio/vnd.wave")),
    M4A(UploadKind.MUSIC, "audio/mp4", "m4a", List.of("audio/x-m4a", "audio/m4a", "audio/aac"));

    /** The most bytes {@link #beginsLike} looks at. */
    public static final int HEAD_BYTES = 12;

    private final UploadKind kind;
    private final String mediaType;
    private final String extension;
    private final List<String> aliases;

    UploadFormat(UploadKind kind, String mediaType, String extension, List<String> aliases) {
        this.kind = kind;
        this.mediaType = mediaType;
        this.extension = extension;
        this.aliases = aliases;
    }

    public UploadKind kind() {
        return kind;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format a Content-Type names (parameters and case ignored), when it names one of {@code kind}'s. */
    public static Optional<UploadFormat> ofMediaType(UploadKind kind, String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(format -> format.kind == kind && (format.mediaType.equals(type) || format.aliases.contains(type)))
                .findFirst();
    }

    public static Optional<UploadFormat> ofExtension(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst();
    }

    /** The media types {@code kind} accepts, for messages. */
    public static String mediaTypes(UploadKind kind) {
        return String.join(", ", Arrays.stream(values()).filter(format -> format.kind == kind)
                .map(UploadFormat::mediaType).toList());
    }

    /** The format of {@code kind} whose signature {@code head} (the file's first bytes) carries. */
    public static Optional<UploadFormat> sniff(UploadKind kind, byte[] head) {
        return Arrays.stream(values()).filter(format -> format.kind == kind && format.beginsLike(head)).findFirst();
    }

    /** Whether a file beginning with {@code head} looks like this format. */
    public boolean beginsLike(byte[] head) {
        return switch (this) {
            case JPEG -> startsWith(head, 0, 0xFF, 0xD8, 0xFF);
            case PNG -> startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            // an ID3v2 tag, or an MPEG audio frame sync (11 bits set) of layer III
            case MP3 -> startsWith(head, 0, 'I', 'D', '3')
                    || (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0
                    && (head[1] & 0x06) == 0x02);
            case WAV -> startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'A', 'V', 'E');
            // an ISO base media file: a box whose type is ftyp
            case M4A -> startsWith(head, 4, 'f', 't', 'y', 'p');
        };
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
