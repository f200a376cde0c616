package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.pipeline.FontReader.FontReading;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrueTypeFontReaderTest {

    @TempDir
    Path directory;

    private final TrueTypeFontReader reader = new TrueTypeFontReader();

    @Test
    void readsTheFamilyFromTheNameTableAndTheFullNameAsAnotherNameOfTheFont() {
        Path serifBold = new LiberationFonts(directory.resolve("fonts")).file(FontFace.SERIF_BOLD);

        assertThat(reader.read(serifBold)).isEqualTo(new FontReading.Read("Liberation Serif",
                List.of("Liberation Serif Bold")));
    }

    @Test
    void aFileThatIsNoFontIsUnreadable() throws Exception {
        Path text = Files.writeString(directory.resolve("font.ttf"), "<html>not found</html>");

        assertThat(reader.read(text)).isEqualTo(new FontReading.Unreadable("it is not a TrueType or OpenType font"));
    }

    @Test
    void aTruncatedFontIsUnreadable() throws Exception {
        byte[] font = Files.readAllBytes(new LiberationFonts(directory.resolve("fonts")).file(FontFace.SANS_REGULAR));
        Path cut = Files.write(directory.resolve("cut.ttf"), Arrays.copyOf(font, 2000));

        assertThat(reader.read(cut)).isEqualTo(new FontReading.Unreadable("its tables are malformed or missing"));
    }

    /** A hostile character map asking for billions of entries is refused before it is read. */
    @Test
    void aCharacterMapBeyondUnicodeIsUnreadable() throws Exception {
        byte[] font = Files.readAllBytes(new LiberationFonts(directory.resolve("fonts")).file(FontFace.SANS_REGULAR));
        ByteBuffer buffer = ByteBuffer.wrap(font);
        int cmap = table(buffer, "cmap");
        for (int i = 0; i < Short.toUnsignedInt(buffer.getShort(cmap + 2)); i++) {
            int subtable = cmap + buffer.getInt(cmap + 4 + 8 * i + 4);
            if (buffer.getShort(subtable) == 4) {
                // every segment but the last (0xFFFF) maps the whole plane, directly: 65,535 entries each
                int segments = Short.toUnsignedInt(buffer.getShort(subtable + 6)) / 2;
                int ends = subtable + 14;
                int starts = ends + 2 * segments + 2;
                int rangeOffsets = starts + 4 * segments;
                for (int s = 0; s < segments - 1; s++) {
                    buffer.putShort(ends + 2 * s, (short) 0xFFFE);
                    buffer.putShort(starts + 2 * s, (short) 0);
                    buffer.putShort(rangeOffsets + 2 * s, (short) 0);
                }
            }
        }
        Path hostile = Files.write(directory.resolve("hostile.ttf"), font);

        assertThat(reader.read(hostile)).isEqualTo(new FontReading.Unreadable("its tables are malformed or missing"));
    }

    private static int table(ByteBuffer font, String tag) {
        for (int i = 0; i < Short.toUnsignedInt(font.getShort(4)); i++) {
            int record = 12 + 16 * i;
            byte[] name = new byte[4];
            font.get(record, name);
            if (new String(name, java.nio.charset.StandardCharsets.US_ASCII).equals(tag)) {
                return font.getInt(record + 8);
            }
        }
        throw new IllegalStateException("no " + tag);
    }
}
