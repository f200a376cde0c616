package dev.reelforge.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.MediaProbe;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadCheckTest {

    static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
    static final byte[] MP3_HEAD = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};

    @TempDir
    Path directory;

    private final ScriptedProbe probe = new ScriptedProbe();
    private final UploadCheck check = new UploadCheck(probe, probe);

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(directory, "file", ".bin"), bytes);
    }

    @Test
    void anUndeclaredPngIsTakenForWhatItsBytesSayAndProbed() throws IOException {
        probe.answering(ScriptedProbe.image(640, 480, "png"));

        UploadCheck.Outcome outcome = check.check(file(PNG_HEAD), UploadKind.PHOTO, null);

        assertThat(outcome).isEqualTo(new UploadCheck.Outcome.Accepted(UploadFormat.PNG, PNG_HEAD.length,
                java.util.OptionalDouble.empty()));
    }

    @Test
    void aDeclaredTypeTheBytesDoNotMatchIsNotAsDeclaredAndNeverProbed() throws IOException {
        UploadCheck.Outcome outcome = check.check(file(PNG_HEAD), UploadKind.PHOTO, UploadFormat.JPEG);

        assertThat(outcome).isEqualTo(new UploadCheck.Outcome.NotAsDeclared(UploadFormat.JPEG));
        assertThat(probe.calls).isZero();
    }

    @Test
    void textIsRefusedNamingWhatIsAcceptedAndNeverProbed() throws IOException {
        UploadCheck.Outcome outcome = check.check(file("hello".getBytes()), UploadKind.PHOTO, null);

        assertThat(outcome).isInstanceOfSatisfying(UploadCheck.Outcome.Refused.class, refused ->
                assertThat(refused.reason()).contains("image/jpeg", "image/png"));
        assertThat(probe.calls).isZero();
    }

    @Test
    void anEmptyFileAndOneOver25MbAreRefusedBeforeAnythingElse() throws IOException {
        Path large = file(PNG_HEAD);
        try (RandomAccessFile sparse = new RandomAccessFile(large.toFile(), "rw")) {
            sparse.setLength(UploadLimits.MAX_BYTES + 1);
        }

        assertThat(check.check(file(new byte[0]), UploadKind.PHOTO, null))
                .isEqualTo(new UploadCheck.Outcome.Refused("the file is empty"));
        assertThat(check.check(large, UploadKind.PHOTO, null)).isInstanceOfSatisfying(
                UploadCheck.Outcome.Refused.class, refused -> assertThat(refused.reason()).contains("26214400"));
        assertThat(probe.calls).isZero();
    }

    @Test
    void aPngWhoseStreamIsAnotherCodecIsRefused() throws IOException {
        probe.answering(ScriptedProbe.image(640, 480, "mjpeg"));

        assertThat(check.check(file(PNG_HEAD), UploadKind.PHOTO, null))
                .isInstanceOf(UploadCheck.Outcome.Refused.class);
    }

    @Test
    void anImageOverTheBoundsIsRefusedWithItsSize() throws IOException {
        probe.answering(ScriptedProbe.image(12_001, 10, "png"));
        UploadCheck.Outcome wide = check.check(file(PNG_HEAD), UploadKind.PHOTO, null);
        probe.answering(ScriptedProbe.image(11_000, 11_000, "png"));
        UploadCheck.Outcome many = check.check(file(PNG_HEAD), UploadKind.PHOTO, null);

        assertThat(wide).isInstanceOfSatisfying(UploadCheck.Outcome.Refused.class, refused ->
                assertThat(refused.reason()).contains("12001x10"));
        assertThat(many).isInstanceOf(UploadCheck.Outcome.Refused.class);
    }

    @Test
    void anImageThatDoesNotDecodeIsRefusedAndOneOutOfBoundsIsNeverDecoded() throws IOException {
        probe.answering(ScriptedProbe.image(640, 480, "png")).failingToDecode("the image does not decode");
        UploadCheck.Outcome damaged = check.check(file(PNG_HEAD), UploadKind.PHOTO, null);
        probe.answering(ScriptedProbe.image(20_000, 10, "png"));
        check.check(file(PNG_HEAD), UploadKind.PHOTO, null);

        assertThat(damaged).isEqualTo(new UploadCheck.Outcome.Refused("the image does not decode"));
        assertThat(probe.decodes).isEqualTo(1);
    }

    @Test
    void anUnreadableFileIsRefused() throws IOException {
        probe.answering(new MediaProbe.ProbeResult.Unreadable("no"));

        assertThat(check.check(file(PNG_HEAD), UploadKind.PHOTO, null)).isInstanceOfSatisfying(
                UploadCheck.Outcome.Refused.class, refused -> assertThat(refused.reason()).contains("image/png"));
    }

    @Test
    void musicRecordsItsLengthWithinBounds() throws IOException {
        probe.answering(ScriptedProbe.sound(181.5));
        UploadCheck.Outcome accepted = check.check(file(MP3_HEAD), UploadKind.MUSIC, UploadFormat.MP3);
        probe.answering(ScriptedProbe.sound(30 * 60 + 1));
        UploadCheck.Outcome tooLong = check.check(file(MP3_HEAD), UploadKind.MUSIC, UploadFormat.MP3);
        probe.answering(ScriptedProbe.image(10, 10, "mjpeg"));
        UploadCheck.Outcome silent = check.check(file(MP3_HEAD), UploadKind.MUSIC, UploadFormat.MP3);

        assertThat(accepted).isEqualTo(new UploadCheck.Outcome.Accepted(UploadFormat.MP3, MP3_HEAD.length,
                java.util.OptionalDouble.of(181.5)));
        assertThat(tooLong).isInstanceOfSatisfying(UploadCheck.Outcome.Refused.class, refused ->
                assertThat(refused.reason()).contains("30 minutes"));
        assertThat(silent).isEqualTo(new UploadCheck.Outcome.Refused("the file holds no audio"));
    }
}
