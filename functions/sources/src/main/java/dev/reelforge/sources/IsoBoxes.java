package dev.reelforge.sources;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the top-level boxes of an ISO base media file (MP4, MOV, M4A, 3GP) from the head of a sample, to find where
 * its index, the {@code moov} box, lies when the head does not hold it. Encoders that write the index last (the
 * default of many) put {@code ftyp}, maybe {@code free}, then {@code mdat} with every frame, then {@code moov}: the
 * walk steps over {@code mdat} by its size and finds the index starting beyond the head.
 */
final class IsoBoxes {

    /** The box types an ISO file may start with; anything else is some other format, and needs no second range. */
    private static final Set<String> FIRST_BOXES = Set.of("ftyp", "styp", "moov", "mdat", "free", "skip", "wide", "pnot");
    private static final int MAX_BOXES = 10_000;

    private IsoBoxes() {}

    /**
     * The byte range ({from, to}, inclusive) beyond the first {@code headLength} bytes that the file's index needs,
     * when it is an ISO file whose {@code moov} box does not end within them; empty when it is not an ISO file, its
     * index is all in the head, or it has no index.
     */
    static Optional<long[]> indexBeyond(Path sample, long headLength, long total) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(sample.toFile(), "r")) {
            byte[] header = new byte[16];
            long position = 0;
            for (int boxes = 0; boxes < MAX_BOXES; boxes++) {
                if (position >= total) {
                    return Optional.empty();
                }
                if (position + 8 > headLength) {
                    // the next box starts beyond the head: its header, and what follows, are the index
                    return Optional.of(new long[] {Math.max(position, headLength), total - 1});
                }
                file.seek(position);
                file.readFully(header, 0, 8);
                long size = uint32(header, 0);
                String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
                if (boxes == 0 && !FIRST_BOXES.contains(type)) {
                    return Optional.empty();
                }
                if (size == 1) {
                    if (position + 16 > headLength) {
                        return Optional.of(new long[] {headLength, total - 1});
                    }
                    file.readFully(header, 8, 8);
                    size = uint64(header, 8);
                } else if (size == 0) {
                    size = total - position;
                }
                if (size < 8 || size > total - position) {
                    return Optional.empty();
                }
                if (type.equals("moov")) {
                    return position + size <= headLength ? Optional.empty()
                            : Optional.of(new long[] {headLength, position + size - 1});
                }
                position += size;
            }
            return Optional.empty();
        }
    }

    private static long uint32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xffL) << 24) | ((bytes[offset + 1] & 0xffL) << 16)
                | ((bytes[offset + 2] & 0xffL) << 8) | (bytes[offset + 3] & 0xffL);
    }

    private static long uint64(byte[] bytes, int offset) {
        long value = (uint32(bytes, offset) << 32) | uint32(bytes, offset + 4);
        return value < 0 ? Long.MAX_VALUE : value;
    }
}
