package dev.reelforge.media;

import dev.reelforge.core.pipeline.FontReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a font fetched for an edit: its family from the {@code name} table (the typographic family, ID 16, else
 * the family, ID 1; Windows Unicode names first, then Unicode, then Macintosh Roman), the family and full name (ID
 * 4) as other names it answers to, and its metrics as text is
 * measured with them ({@link TrueTypeMetrics}), so a file that cannot be drawn fails here, naming the font. The
 * file is hostile: every offset is checked by the buffer, and a malformed table is an unreadable font.
 */
public final class TrueTypeFontReader implements FontReader {

    private static final int FAMILY = 1;
    private static final int FULL_NAME = 4;
    private static final int TYPOGRAPHIC_FAMILY = 16;
    private static final int MAX_FAMILY_CHARACTERS = 128;

    @Override
    public FontReading read(Path file) {
        try {
            ByteBuffer font = ByteBuffer.wrap(Files.readAllBytes(file));
            int version = font.getInt(0);
            // TrueType outlines (0x00010000 or 'true') or CFF outlines ('OTTO'); collections are not a font
            if (version != 0x00010000 && version != 0x74727565 && version != 0x4F54544F) {
                return new FontReading.Unreadable("it is not a TrueType or OpenType font");
            }
            Map<Integer, String> names = names(font);
            Optional<String> family = Optional.ofNullable(names.getOrDefault(TYPOGRAPHIC_FAMILY, names.get(FAMILY)));
            if (family.isEmpty()) {
                return new FontReading.Unreadable("its name table gives no family name");
            }
            TrueTypeMetrics.read(file);
            List<String> aliases = Stream.of(names.get(FAMILY), names.get(FULL_NAME))
                    .filter(name -> name != null && !name.equalsIgnoreCase(family.get())).distinct().toList();
            return new FontReading.Read(family.get(), aliases);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fetched font " + file, e);
        } catch (RuntimeException e) {
            return new FontReading.Unreadable("its tables are malformed or missing");
        }
    }

    /** The best-ranked text of each name ID read (family, full name, typographic family). */
    private static Map<Integer, String> names(ByteBuffer font) {
        Map<Integer, String> best = new HashMap<>();
        Optional<Integer> table = TrueTypeTables.of(font).find("name");
        if (table.isEmpty()) {
            return best;
        }
        int name = table.get();
        Map<Integer, Integer> bestRank = new HashMap<>();
        int count = Short.toUnsignedInt(font.getShort(name + 2));
        int strings = name + Short.toUnsignedInt(font.getShort(name + 4));
        for (int i = 0; i < count; i++) {
            int record = name + 6 + 12 * i;
            int platform = Short.toUnsignedInt(font.getShort(record));
            int language = Short.toUnsignedInt(font.getShort(record + 4));
            int id = Short.toUnsignedInt(font.getShort(record + 6));
            if (id != FAMILY && id != FULL_NAME && id != TYPOGRAPHIC_FAMILY) {
                continue;
            }
            int rank = switch (platform) {
                case 3 -> language == 0x409 ? 0 : 1;
                case 0 -> 2;
                case 1 -> 3;
                default -> 100;
            };
            if (rank >= 100 || rank >= bestRank.getOrDefault(id, Integer.MAX_VALUE)) {
                continue;
            }
            byte[] bytes = new byte[Short.toUnsignedInt(font.getShort(record + 8))];
            font.get(strings + Short.toUnsignedInt(font.getShort(record + 10)), bytes);
            String text = new String(bytes, platform == 1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16BE)
                    .strip();
            if (!text.isEmpty() && text.length() <= MAX_FAMILY_CHARACTERS && text.chars().noneMatch(Character::isISOControl)) {
                best.put(id, text);
                bestRank.put(id, rank);
            }
        }
        return best;
    }
}
