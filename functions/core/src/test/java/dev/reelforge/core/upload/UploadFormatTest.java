package dev.reelforge.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadFormatTest {

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void eachFormatIsKnownByItsFirstBytes() {
        assertThat(UploadFormat.sniff(UploadKind.PHOTO, bytes(0xFF, 0xD8, 0xFF, 0xE0))).hasValue(UploadFormat.JPEG);
        assertThat(UploadFormat.sniff(UploadKind.PHOTO, bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)))
                .hasValue(UploadFormat.PNG);
        assertThat(UploadFormat.sniff(UploadKind.MUSIC, bytes('I', 'D', '3', 4, 0))).hasValue(UploadFormat.MP3);
        assertThat(UploadFormat.sniff(UploadKind.MUSIC, bytes(0xFF, 0xFB, 0x90, 0x64))).hasValue(UploadFormat.MP3);
        assertThat(UploadFormat.sniff(UploadKind.MUSIC, bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E')))
                .hasValue(UploadFormat.WAV);
        assertThat(UploadFormat.sniff(UploadKind.MUSIC, bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ')))
                .hasValue(UploadFormat.M4A);
    }

    @Test
    void textAShortFileAndTheOtherKindsSignaturesAreNothing() {
        assertThat(UploadFormat.sniff(UploadKind.PHOTO, "GIF89a".getBytes())).isEmpty();
        assertThat(UploadFormat.sniff(UploadKind.PHOTO, bytes(0xFF, 0xD8))).isEmpty();
        assertThat(UploadFormat.sniff(UploadKind.MUSIC, bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEmpty();
        assertThat(UploadFormat.sniff(UploadKind.PHOTO, bytes('I', 'D', '3', 4, 0))).isEmpty();
        assertThat(UploadFormat.sniff(UploadKind.MUSIC, bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'A', 'V', 'I', ' ')))
                .isEmpty();
    }

    @Test
    void mediaTypesAreReadWithTheirAliasesForTheRoutesKindOnly() {
        assertThat(UploadFormat.ofMediaType(UploadKind.PHOTO, "IMAGE/JPEG; charset=binary")).hasValue(UploadFormat.JPEG);
        assertThat(UploadFormat.ofMediaType(UploadKind.PHOTO, "image/jpg")).hasValue(UploadFormat.JPEG);
        assertThat(UploadFormat.ofMediaType(UploadKind.MUSIC, "audio/x-wav")).hasValue(UploadFormat.WAV);
        assertThat(UploadFormat.ofMediaType(UploadKind.MUSIC, "audio/x-m4a")).hasValue(UploadFormat.M4A);
        assertThat(UploadFormat.ofMediaType(UploadKind.MUSIC, "image/png")).isEmpty();
        assertThat(UploadFormat.ofMediaType(UploadKind.PHOTO, "image/gif")).isEmpty();
    }
}
