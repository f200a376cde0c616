package dev.reelforge.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Where each table of a TrueType or OpenType font starts, from its table directory. */
final class TrueTypeTables {

    private final Map<String, Integer> offsets;

    private TrueTypeTables(Map<String, Integer> offsets) {
        this.offsets = offsets;
    }

    /** Reads the directory; a font too short for what it claims fails as the buffer is read past its end. */
    static TrueTypeTables of(ByteBuffer font) {
        Map<String, Integer> offsets = new HashMap<>();
        int tableCount = Short.toUnsignedInt(font.getShort(4));
        for (int i = 0; i < tableCount; i++) {
            int record = 12 + 16 * i;
            byte[] tag = new byte[4];
            font.get(record, tag);
            offsets.put(new String(tag, StandardCharsets.US_ASCII), font.getInt(record + 8));
        }
        return new TrueTypeTables(offsets);
    }

    /** The table's offset; a font without it cannot be read. */
    int offset(String tag) {
        Integer offset = offsets.get(tag);
        if (offset == null) {
            throw new IllegalStateException("the font has no " + tag + " table");
        }
        return offset;
    }

    /** The offset of a table the font may do without. */
    Optional<Integer> find(String tag) {
        return Optional.ofNullable(offsets.get(tag));
    }
}
