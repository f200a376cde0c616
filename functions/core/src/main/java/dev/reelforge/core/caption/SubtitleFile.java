package dev.reelforge.core.caption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fetched subtitle file: UTF-8 text (bounded by the fetch at {@link SubtitleParser#MAX_BYTES}), parsed. */
public final class SubtitleFile {

    private SubtitleFile() {}

    public static SubtitleParsing read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fetched subtitle file " + file, e);
        }
        if (bytes.length > SubtitleParser.MAX_BYTES) {
            return new SubtitleParsing.Malformed(1, "the file is larger than " + SubtitleParser.MAX_BYTES + " bytes");
        }
        StringBuilder text = new StringBuilder(bytes.length);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    text.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart)));
                } catch (CharacterCodingException e) {
                    return new SubtitleParsing.Malformed(line, "the text is not UTF-8");
                }
                if (i < bytes.length) {
                    text.append('\n');
                }
                line++;
                lineStart = i + 1;
            }
        }
        return SubtitleParser.parse(text.toString());
    }
}
