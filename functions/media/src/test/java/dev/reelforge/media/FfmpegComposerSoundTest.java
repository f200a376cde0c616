package dev.reelforge.media;

import static dev.reelforge.media.Plans.part;
import static dev.reelforge.media.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.pipeline.Composer;
import dev.reelforge.core.plan.AudioPart;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.SourceFile;
import dev.reelforge.core.plan.Timing;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegComposerSoundTest {

    /** A 440 Hz tone for one second, then a second of silence. */
    private static final String TONE_THEN_SILENCE = "sine=f=440:sample_rate=48000:d=1,apad";

    @TempDir
    Path directory;

    private GeneratedMedia media;
    private FfmpegComposer composer;

    @BeforeEach
    void setUp() {
        media = new GeneratedMedia(directory);
        composer = new FfmpegComposer(TestFfmpeg.EXECUTABLE, new LiberationFonts(Path.of("target", "test-fonts")),
                Duration.ofSeconds(60));
    }

    private int compositions;

    /** Composes into a directory of its own, as each render has. */
    private Composer.Composition compose(RenderPlan plan) {
        return composer.compose(plan, media.files(), directory.resolve("out-" + compositions++));
    }

    private Path wav(AudioPart... parts) {
        Plans plan = plan().output(OutputFormat.MP3);
        for (AudioPart part : parts) {
            plan.sound(part);
        }
        return compose(plan.build()).file();
    }

    @Test
    void aVideoCarriesSoundOnlyWhenThePlanWritesIt() {
        SourceFile tone = media.sound("tone.wav", "sine=f=440:sample_rate=48000", 2);
        AudioPart whole = part(tone, new Timing(0, 2), 0, 1, 1);

        Path withSound = compose(plan().sound(whole).build()).file();
        Path muted = compose(plan().sound(whole).mute().build()).file();
        Path silent = compose(plan().build()).file();

        MediaInfo.AudioStream audio = Playback.probe(withSound).audio().orElseThrow();
        assertThat(audio.codec()).isEqualTo("pcm_s16le");
        assertThat(audio.sampleRate()).isEqualTo(48_000);
        assertThat(audio.channels()).isEqualTo(2);
        assertThat(Playback.meanVolume(withSound, 0.5, 1.5)).isCloseTo(-21, within(1.5));
        assertThat(Playback.probe(muted).hasAudio()).isFalse();
        assertThat(Playback.probe(silent).hasAudio()).isFalse();
    }

    @Test
    void aVideoClipShowsItsPictureAndPlaysItsSound() {
        SourceFile clip = media.video("clip.mp4", "color=c=red:s=64x48:r=25", 3, true);
        Timing timing = new Timing(0.5, 1);

        Path video = compose(plan().layer(Plans.video(clip, timing, 1, 1, Plans.fullFrame(), Plans.PLAIN))
                .sound(part(clip, timing, 1, 1, 1)).build()).file();

        assertThat(Playback.frameAt(video, 1).is(160, 90, 255, 0, 0, 12)).isTrue();
        assertThat(Playback.meanVolume(video, 0.1, 0.4)).isLessThan(-80);
        assertThat(Playback.meanVolume(video, 0.6, 1.4)).isCloseTo(-21, within(1.5));
        assertThat(Playback.meanVolume(video, 1.6, 1.9)).isLessThan(-80);
    }

    @Test
    void aLouderPartIsLouderByItsVolume() {
        SourceFile tone = media.sound("tone.wav", "sine=f=440:sample_rate=48000", 2);

        double full = Playback.meanVolume(wav(part(tone, new Timing(0, 2), 0, 1, 1)), 0.2, 1.8);
        double quarter = Playback.meanVolume(wav(part(tone, new Timing(0, 2), 0, 1, 0.25)), 0.2, 1.8);

        // A quarter of the amplitude is 12 dB down.
        assertThat(full - quarter).isCloseTo(12, within(0.5));
    }

    @Test
    void soundsAddUpWithoutNormalisation() {
        SourceFile tone = media.sound("tone.wav", "sine=f=440:sample_rate=48000", 2);
        SourceFile other = media.sound("other.wav", "sine=f=440:sample_rate=48000", 2);

        double one = Playback.meanVolume(wav(part(tone, new Timing(0, 2), 0, 1, 1)), 0.2, 1.8);
        double two = Playback.meanVolume(wav(part(tone, new Timing(0, 2), 0, 1, 1),
                part(other, new Timing(0, 2), 0, 1, 1)), 0.2, 1.8);
        double late = Playback.meanVolume(wav(part(tone, new Timing(0, 2), 0, 1, 1),
                part(other, new Timing(1, 1), 0, 1, 1)), 0.2, 0.8);

        // Two equal tones in phase have twice the amplitude: 6 dB up; one alone is as loud as it is.
        assertThat(two - one).isCloseTo(6, within(0.5));
        assertThat(late).isCloseTo(one, within(0.5));
    }

    @Test
    void aPartIsHeardFromItsStart() {
        SourceFile tone = media.sound("tone.wav", "sine=f=440:sample_rate=48000", 2);

        Path sound = wav(part(tone, new Timing(1, 1), 0, 1, 1));

        assertThat(Playback.meanVolume(sound, 0.1, 0.9)).isLessThan(-80);
        assertThat(Playback.meanVolume(sound, 1.1, 1.9)).isGreaterThan(-25);
    }

    @Test
    void doubleSpeedPlaysAToneInHalfTheTime() {
        SourceFile toneThenSilence = media.sound("tone-then-silence.wav", TONE_THEN_SILENCE, 2);

        Path normal = wav(part(toneThenSilence, new Timing(0, 2), 0, 1, 1));
        Path fast = wav(part(toneThenSilence, new Timing(0, 1), 0, 2, 1));

        assertThat(Playback.meanVolume(normal, 0.6, 0.9)).isGreaterThan(-25);
        assertThat(Playback.meanVolume(fast, 0.1, 0.4)).isGreaterThan(-25);
        assertThat(Playback.meanVolume(fast, 0.6, 0.9)).isLessThan(-60);
    }

    @Test
    void aFadeInStartsQuiet() {
        SourceFile tone = media.sound("tone.wav", "sine=f=440:sample_rate=48000", 2);

        Path sound = wav(new AudioPart(new Timing(0, 2), tone, 0, 1, 1, 1, 0));

        assertThat(Playback.meanVolume(sound, 0, 0.1)).isLessThan(-40);
        assertThat(Playback.meanVolume(sound, 1.2, 1.8)).isCloseTo(-21, within(1.0));
    }

    @Test
    void anMp3IsComposedAsAWavOfThePlanDuration() {
        SourceFile tone = media.sound("tone.wav", "sine=f=440:sample_rate=44100", 3);

        Composer.Composition composition = compose(plan().output(OutputFormat.MP3).duration(1.5)
                .sound(part(tone, new Timing(0.5, 2.5), 0, 1, 1)).build());

        assertThat(composition.contentType()).isEqualTo("audio/wav");
        MediaInfo info = Playback.probe(composition.file());
        assertThat(info.duration().orElseThrow()).isCloseTo(1.5, within(0.01));
        assertThat(info.audio().orElseThrow()).isEqualTo(new MediaInfo.AudioStream(48_000, 2, "pcm_s16le"));
        assertThat(info.hasVideo()).isFalse();
    }

    @Test
    void anMp3WithoutSoundsIsSilence() {
        Composer.Composition composition = compose(plan().output(OutputFormat.MP3).duration(1).build());

        assertThat(Playback.probe(composition.file()).duration().orElseThrow()).isCloseTo(1, within(0.01));
        assertThat(Playback.meanVolume(composition.file(), 0, 1)).isLessThan(-90);
    }
}
