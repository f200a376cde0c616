package dev.reelforge.aws.mediaconvert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.ingest.RenditionEncoder.RenditionJob;
import dev.reelforge.core.ingest.RenditionEncoder.RenditionOutput;
import dev.reelforge.core.ingest.RenditionEncoder.SourceMedia;
import dev.reelforge.core.ingest.RenditionFit;
import dev.reelforge.core.ingest.RenditionFormat;
import dev.reelforge.core.ingest.RenditionSize;
import dev.reelforge.core.ingest.RenditionSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mediaconvert.model.AudioCodec;
import software.amazon.awssdk.services.mediaconvert.model.ContainerType;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;
import software.amazon.awssdk.services.mediaconvert.model.H264FramerateControl;
import software.amazon.awssdk.services.mediaconvert.model.H264GopSizeUnits;
import software.amazon.awssdk.services.mediaconvert.model.H264Settings;
import software.amazon.awssdk.services.mediaconvert.model.Output;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroup;
import software.amazon.awssdk.services.mediaconvert.model.ScalingBehavior;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodec;
import software.amazon.awssdk.services.mediaconvert.model.Vp9Settings;

class MediaConvertRenditionEncoderTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/MediaConvertRole";
    private static final MediaConvertSettings SETTINGS = new MediaConvertSettings(ROLE,
            Optional.of("arn:aws:mediaconvert:us-east-1:123456789012:queues/Default"), "s3://b/w.png", new Size(4, 4));
    private static final Instant SUBMITTED = Instant.parse("2030-01-02T03:04:05.678Z");
    private static final String SOURCE = "zzytey4v-32km-kq1z-aftr-3kcuqi0brad2";
    private static final SourceMedia FHD = new SourceMedia(true, true, 1920, 1080, 5, 25);

    private final MediaConvertRenditionEncoder encoder =
            new MediaConvertRenditionEncoder(null, SETTINGS, Clock.fixed(SUBMITTED, ZoneOffset.UTC));

    private static RenditionSpec spec(RenditionFormat format, Optional<Size> size, RenditionFit fit, OptionalInt quality,
            OptionalDouble fps, OptionalInt keyframeInterval) {
        return new RenditionSpec(format, size.map(RenditionSize::of), fit, quality, fps, keyframeInterval,
                Optional.empty());
    }

    private static RenditionOutput output(String id, RenditionSpec spec) {
        return new RenditionOutput(id, spec, "s3://hosting/ingest/owner-1/" + SOURCE + "/" + id);
    }

    private CreateJobRequest job(SourceMedia media, RenditionOutput... renditions) {
        return encoder.createJobRequest(new RenditionJob(SOURCE, "owner-1", "s3://sources/ingest/" + SOURCE + "/source",
                media, List.of(renditions)));
    }

    @Test
    void oneJobWithAGroupPerRenditionWritingToItsDestinationInOrder() {
        CreateJobRequest job = job(FHD,
                output("r1", spec(RenditionFormat.MP4, Optional.of(new Size(640, 360)), RenditionFit.CROP,
                        OptionalInt.empty(), OptionalDouble.of(24), OptionalInt.empty())),
                output("r2", spec(RenditionFormat.WEBM, Optional.of(new Size(1280, 720)), RenditionFit.CONTAIN,
                        OptionalInt.of(70), OptionalDouble.empty(), OptionalInt.empty())),
                output("r3", spec(RenditionFormat.MOV, Optional.empty(), RenditionFit.CROP, OptionalInt.empty(),
                        OptionalDouble.empty(), OptionalInt.of(10))));
        assertThat(job.role()).isEqualTo(ROLE);
        assertThat(job.queue()).isEqualTo(SETTINGS.queueArn().orElseThrow());
        assertThat(job.clientRequestToken()).isEqualTo("ingest-" + SOURCE);
        assertThat(job.userMetadata()).isEqualTo(Map.of("application", "reelforge", "kind", "ingest",
                "sourceId", SOURCE, "owner", "owner-1", "submittedAt", Long.toString(SUBMITTED.toEpochMilli())));
        assertThat(job.settings().inputs()).singleElement().satisfies(input -> {
            assertThat(input.fileInput()).isEqualTo("s3://sources/ingest/" + SOURCE + "/source");
            assertThat(input.audioSelectors()).containsOnlyKeys("Audio Selector 1");
        });
        List<OutputGroup> groups = job.settings().outputGroups();
        assertThat(groups).extracting(group -> group.outputGroupSettings().fileGroupSettings().destination())
                .containsExactly("s3://hosting/ingest/owner-1/" + SOURCE + "/r1",
                        "s3://hosting/ingest/owner-1/" + SOURCE + "/r2", "s3://hosting/ingest/owner-1/" + SOURCE + "/r3");
        assertThat(groups).allSatisfy(group -> assertThat(group.outputs()).singleElement()
                .satisfies(output -> assertThat(output.nameModifier()).isNull()));
        assertThat(groups).extracting(group -> group.outputs().getFirst().extension()).containsExactly("mp4", "webm", "mov");
        assertThat(MediaConvertRenditionEncoder.fileOf(output("r2", spec(RenditionFormat.WEBM, Optional.empty(),
                RenditionFit.CROP, OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.empty()))))
                .isEqualTo("s3://hosting/ingest/owner-1/" + SOURCE + "/r2.webm");
    }

    @Test
    void anMp4IsH264QvbrAtTheSizeWithTheFitAsScalingBehaviourAndAac() {
        Output mp4 = only(job(FHD, output("r1", spec(RenditionFormat.MP4, Optional.of(new Size(640, 360)),
                RenditionFit.CROP, OptionalInt.of(85), OptionalDouble.of(23.976), OptionalInt.empty()))));
        assertThat(mp4.containerSettings().container()).isEqualTo(ContainerType.MP4);
        assertThat(mp4.videoDescription().width()).isEqualTo(640);
        assertThat(mp4.videoDescription().height()).isEqualTo(360);
        assertThat(mp4.videoDescription().scalingBehavior()).isEqualTo(ScalingBehavior.FILL);
        H264Settings h264 = mp4.videoDescription().codecSettings().h264Settings();
        assertThat(h264.qvbrSettings().qvbrQualityLevel()).isEqualTo(9);
        assertThat(h264.framerateControl()).isEqualTo(H264FramerateControl.SPECIFIED);
        assertThat(h264.framerateNumerator()).isEqualTo(24000);
        assertThat(h264.framerateDenominator()).isEqualTo(1001);
        assertThat(h264.gopSize()).isNull();
        assertThat(mp4.audioDescriptions()).singleElement()
                .satisfies(audio -> assertThat(audio.codecSettings().codec()).isEqualTo(AudioCodec.AAC));
    }

    @Test
    void eachFitIsItsScalingBehaviour() {
        assertThat(MediaConvertRenditionEncoder.scalingBehavior(RenditionFit.CROP)).isEqualTo(ScalingBehavior.FILL);
        assertThat(MediaConvertRenditionEncoder.scalingBehavior(RenditionFit.COVER))
                .isEqualTo(ScalingBehavior.STRETCH_TO_OUTPUT);
        assertThat(MediaConvertRenditionEncoder.scalingBehavior(RenditionFit.CONTAIN)).isEqualTo(ScalingBehavior.DEFAULT);
    }

    @Test
    void withoutSizeOrFpsTheSourcesAreKeptAndAKeyframeIntervalIsAGopInFrames() {
        Output mov = only(job(FHD, output("r", spec(RenditionFormat.MOV, Optional.empty(), RenditionFit.CROP,
                OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.of(10)))));
        assertThat(mov.containerSettings().container()).isEqualTo(ContainerType.MOV);
        assertThat(mov.videoDescription().width()).isNull();
        assertThat(mov.videoDescription().scalingBehavior()).isNull();
        H264Settings h264 = mov.videoDescription().codecSettings().h264Settings();
        assertThat(h264.framerateControl()).isEqualTo(H264FramerateControl.INITIALIZE_FROM_SOURCE);
        assertThat(h264.qvbrSettings().qvbrQualityLevel()).isEqualTo(7);
        assertThat(h264.gopSize()).isEqualTo(10.0);
        assertThat(h264.gopSizeUnits()).isEqualTo(H264GopSizeUnits.FRAMES);
    }

    @Test
    void aWebmIsVp9VbrWithOpus() {
        Output webm = only(job(FHD, output("r", spec(RenditionFormat.WEBM, Optional.of(new Size(1280, 720)),
                RenditionFit.CONTAIN, OptionalInt.empty(), OptionalDouble.of(30), OptionalInt.of(25)))));
        assertThat(webm.containerSettings().container()).isEqualTo(ContainerType.WEBM);
        assertThat(webm.videoDescription().codecSettings().codec()).isEqualTo(VideoCodec.VP9);
        Vp9Settings vp9 = webm.videoDescription().codecSettings().vp9Settings();
        assertThat(vp9.bitrate()).isEqualTo(vp9.maxBitrate() / 2);
        assertThat(vp9.gopSize()).isEqualTo(25.0);
        assertThat(vp9.framerateNumerator()).isEqualTo(30);
        assertThat(webm.audioDescriptions()).singleElement()
                .satisfies(audio -> assertThat(audio.codecSettings().codec()).isEqualTo(AudioCodec.OPUS));
    }

    @Test
    void aSilentSourceGetsNoAudioAndAOneSidedSizeFollowsItsAspect() {
        SourceMedia portrait = new SourceMedia(true, false, 1080, 1920, 5, 30);
        CreateJobRequest job = job(portrait, output("r", new RenditionSpec(RenditionFormat.MP4,
                Optional.of(new RenditionSize(OptionalInt.of(360), OptionalInt.empty())), RenditionFit.CROP,
                OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.empty(), Optional.empty())));
        Output mp4 = only(job);
        assertThat(mp4.audioDescriptions()).isEmpty();
        assertThat(job.settings().inputs().getFirst().audioSelectors()).isEmpty();
        assertThat(mp4.videoDescription().width()).isEqualTo(360);
        assertThat(mp4.videoDescription().height()).isEqualTo(640);
    }

    @Test
    void audioRenditionsAreMp3AndWavWithoutAContainer() {
        SourceMedia audio = new SourceMedia(false, true, 0, 0, 5, 0);
        CreateJobRequest job = job(audio,
                output("a", spec(RenditionFormat.MP3, Optional.empty(), RenditionFit.CROP, OptionalInt.empty(),
                        OptionalDouble.empty(), OptionalInt.empty())),
                output("b", spec(RenditionFormat.WAV, Optional.empty(), RenditionFit.CROP, OptionalInt.empty(),
                        OptionalDouble.empty(), OptionalInt.empty())));
        List<Output> outputs = job.settings().outputGroups().stream().map(group -> group.outputs().getFirst()).toList();
        assertThat(outputs).allSatisfy(output -> {
            assertThat(output.containerSettings().container()).isEqualTo(ContainerType.RAW);
            assertThat(output.videoDescription()).isNull();
        });
        assertThat(outputs).extracting(output -> output.audioDescriptions().getFirst().codecSettings().codec())
                .containsExactly(AudioCodec.MP3, AudioCodec.WAV);
    }

    @Test
    void aGifKeepsTheSourceRateUnlessToldAndHasNoSound() {
        Output gif = only(job(FHD, output("g", spec(RenditionFormat.GIF, Optional.of(new Size(512, 288)),
                RenditionFit.CROP, OptionalInt.empty(), OptionalDouble.of(12), OptionalInt.empty()))));
        assertThat(gif.containerSettings().container()).isEqualTo(ContainerType.GIF);
        assertThat(gif.videoDescription().codecSettings().gifSettings().framerateNumerator()).isEqualTo(12);
        assertThat(gif.audioDescriptions()).isEmpty();
    }

    @Test
    void theTokenIsTheSameForOneSourceAndAtMost64Characters() {
        assertThat(MediaConvertRenditionEncoder.clientRequestToken(SOURCE))
                .isEqualTo(MediaConvertRenditionEncoder.clientRequestToken(SOURCE));
        String long1 = MediaConvertRenditionEncoder.clientRequestToken("x".repeat(80));
        assertThat(long1).hasSize(64).startsWith("ingest-")
                .isNotEqualTo(MediaConvertRenditionEncoder.clientRequestToken("x".repeat(81)));
    }

    private static Output only(CreateJobRequest job) {
        assertThat(job.settings().outputGroups()).hasSize(1);
        return job.settings().outputGroups().getFirst().outputs().getFirst();
    }
}
