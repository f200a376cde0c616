package dev.reelforge.aws.mediaconvert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.Environment;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.pipeline.Encoder;
import dev.reelforge.core.pipeline.Encoder.EncodeRequest;
import dev.reelforge.core.plan.OutputPlan;
import dev.reelforge.core.render.Rendition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mediaconvert.model.AudioCodec;
import software.amazon.awssdk.services.mediaconvert.model.AudioDefaultSelection;
import software.amazon.awssdk.services.mediaconvert.model.ContainerType;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;
import software.amazon.awssdk.services.mediaconvert.model.FrameCaptureSettings;
import software.amazon.awssdk.services.mediaconvert.model.H264FramerateControl;
import software.amazon.awssdk.services.mediaconvert.model.H264RateControlMode;
import software.amazon.awssdk.services.mediaconvert.model.H264Settings;
import software.amazon.awssdk.services.mediaconvert.model.InputTimecodeSource;
import software.amazon.awssdk.services.mediaconvert.model.InsertableImage;
import software.amazon.awssdk.services.mediaconvert.model.Output;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroup;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupType;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodec;

class MediaConvertEncoderTest {

    private static final UUID RENDER = UUID.fromString("0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d");
    private static final String ROLE = "arn:aws:iam::123456789012:role/MediaConvertRole";
    private static final String WATERMARK = "s3://assets-bucket/assets/watermark.png";
    private static final MediaConvertSettings SETTINGS =
            new MediaConvertSettings(ROLE, Optional.empty(), WATERMARK, new Size(400, 100));
    private static final Instant SUBMITTED = Instant.parse("2030-01-02T03:04:05.678Z");
    private final MediaConvertEncoder encoder =
            new MediaConvertEncoder(null, SETTINGS, Clock.fixed(SUBMITTED, ZoneOffset.UTC));

    private static OutputPlan plan(OutputFormat format, Optional<Double> poster, Optional<OutputPlan.ThumbnailPlan> thumb) {
        return new OutputPlan(format, new Size(1280, 720), new Fps(25, 1), Quality.MEDIUM, true, false, poster, thumb,
                true, false);
    }

    private static EncodeRequest request(Environment environment, OutputPlan plan, boolean audio) {
        return new EncodeRequest(RENDER, "owner-1", environment, "s3://work-bucket/intermediate/" + RENDER + ".mkv",
                "s3://out-bucket/renders/owner-1/" + RENDER, plan, plan.format() != OutputFormat.MP3, audio, 3);
    }

    @Test
    void jobCarriesRoleTokenMetadataAndTheInput() {
        CreateJobRequest job = encoder.createJobRequest(request(Environment.V1,
                plan(OutputFormat.MP4, Optional.empty(), Optional.empty()), true));

        assertThat(job.role()).isEqualTo(ROLE);
        assertThat(job.clientRequestToken()).isEqualTo(RENDER.toString());
        assertThat(job.queue()).isNull();
        assertThat(job.userMetadata()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "owner", "owner-1", "renderId", RENDER.toString(), "environment", "v1", "application", "reelforge",
                "submittedAt", Long.toString(SUBMITTED.toEpochMilli())));
        assertThat(job.settings().inputs()).singleElement().satisfies(input -> {
            assertThat(input.fileInput()).isEqualTo("s3://work-bucket/intermediate/" + RENDER + ".mkv");
            assertThat(input.timecodeSource()).isEqualTo(InputTimecodeSource.ZEROBASED);
            assertThat(input.audioSelectors()).containsOnlyKeys(MediaConvertEncoder.AUDIO_SELECTOR);
            assertThat(input.audioSelectors().get(MediaConvertEncoder.AUDIO_SELECTOR).defaultSelection())
                    .isEqualTo(AudioDefaultSelection.DEFAULT);
            assertThat(input.imageInserter()).isNull();
        });
        assertThat(job.settings().outputGroups()).singleElement().satisfies(group -> {
            assertThat(group.outputGroupSettings().type()).isEqualTo(OutputGroupType.FILE_GROUP_SETTINGS);
            assertThat(group.outputGroupSettings().fileGroupSettings().destination())
                    .isEqualTo("s3://out-bucket/renders/owner-1/" + RENDER);
        });
    }

    @Test
    void queueIsSetWhenConfigured() {
        String queue = "arn:aws:mediaconvert:us-east-1:123456789012:queues/Renders";
        MediaConvertEncoder queued = new MediaConvertEncoder(null,
                new MediaConvertSettings(ROLE, Optional.of(queue), WATERMARK, new Size(400, 100)));
        assertThat(queued.createJobRequest(request(Environment.V1,
                plan(OutputFormat.MP4, Optional.empty(), Optional.empty()), false)).queue()).isEqualTo(queue);
    }

    @Test
    void mp4IsH264QvbrAtTheOutputSizeAndFpsWithAacStereo() {
        CreateJobRequest job = encoder.createJobRequest(request(Environment.V1, new OutputPlan(OutputFormat.MP4,
                new Size(1280, 720), new Fps(30000, 1001), Quality.HIGH, false, false, Optional.empty(),
                Optional.empty(), true, false), true));
        Output output = job.settings().outputGroups().getFirst().outputs().getFirst();

        assertThat(output.containerSettings().container()).isEqualTo(ContainerType.MP4);
        assertThat(output.extension()).isEqualTo("mp4");
        assertThat(output.nameModifier()).isNull();
        assertThat(output.videoDescription().width()).isEqualTo(1280);
        assertThat(output.videoDescription().height()).isEqualTo(720);
        assertThat(output.videoDescription().codecSettings().codec()).isEqualTo(VideoCodec.H_264);
        H264Settings h264 = output.videoDescription().codecSettings().h264Settings();
        assertThat(h264.rateControlMode()).isEqualTo(H264RateControlMode.QVBR);
        assertThat(h264.qvbrSettings().qvbrQualityLevel()).isEqualTo(8);
        assertThat(h264.maxBitrate()).isEqualTo(MediaConvertEncoder.maxBitrate(new Size(1280, 720),
                new Fps(30000, 1001), Quality.HIGH));
        assertThat(h264.framerateControl()).isEqualTo(H264FramerateControl.SPECIFIED);
        assertThat(h264.framerateNumerator()).isEqualTo(30000);
        assertThat(h264.framerateDenominator()).isEqualTo(1001);
        assertThat(output.audioDescriptions()).singleElement().satisfies(audio -> {
            assertThat(audio.audioSourceName()).isEqualTo(MediaConvertEncoder.AUDIO_SELECTOR);
            assertThat(audio.codecSettings().codec()).isEqualTo(AudioCodec.AAC);
            assertThat(audio.codecSettings().aacSettings().sampleRate()).isEqualTo(48_000);
            assertThat(audio.codecSettings().aacSettings().codingModeAsString()).isEqualTo("CODING_MODE_2_0");
        });
    }

    @Test
    void silentOrMutedMp4HasNoAudio() {
        for (boolean mute : new boolean[] {true, false}) {
            OutputPlan plan = new OutputPlan(OutputFormat.MP4, new Size(640, 360), Fps.DEFAULT, Quality.MEDIUM, false,
                    mute, Optional.empty(), Optional.empty(), true, false);
            CreateJobRequest job = encoder.createJobRequest(request(Environment.V1, plan, mute));
            assertThat(job.settings().inputs().getFirst().audioSelectors()).isEmpty();
            assertThat(job.settings().outputGroups().getFirst().outputs().getFirst().audioDescriptions()).isEmpty();
        }
    }

    @Test
    void gifIsTheGifCodecInTheGifContainerAtTheOutputFps() {
        CreateJobRequest job = encoder.createJobRequest(request(Environment.V1, new OutputPlan(OutputFormat.GIF,
                new Size(480, 270), new Fps(12, 1), Quality.LOW, true, false, Optional.empty(), Optional.empty(), true, false),
                true));
        Output output = job.settings().outputGroups().getFirst().outputs().getFirst();

        assertThat(output.containerSettings().container()).isEqualTo(ContainerType.GIF);
        assertThat(output.extension()).isEqualTo("gif");
        assertThat(output.videoDescription().codecSettings().codec()).isEqualTo(VideoCodec.GIF);
        assertThat(output.videoDescription().codecSettings().gifSettings().framerateNumerator()).isEqualTo(12);
        assertThat(output.videoDescription().codecSettings().gifSettings().framerateDenominator()).isEqualTo(1);
        assertThat(output.videoDescription().width()).isEqualTo(480);
        assertThat(output.audioDescriptions()).isEmpty();
        assertThat(job.settings().inputs().getFirst().audioSelectors()).isEmpty();
    }

    @Test
    void mp3IsMp3AudioInARawContainer() {
        OutputPlan plan = new OutputPlan(OutputFormat.MP3, new Size(1280, 720), Fps.DEFAULT, Quality.VERYHIGH, false,
                false, Optional.empty(), Optional.empty(), true, false);
        CreateJobRequest job = encoder.createJobRequest(request(Environment.STAGE, plan, true));
        Output output = job.settings().outputGroups().getFirst().outputs().getFirst();

        assertThat(output.containerSettings().container()).isEqualTo(ContainerType.RAW);
        assertThat(output.extension()).isEqualTo("mp3");
        assertThat(output.videoDescription()).isNull();
        assertThat(output.audioDescriptions()).singleElement().satisfies(audio -> {
            assertThat(audio.codecSettings().codec()).isEqualTo(AudioCodec.MP3);
            assertThat(audio.codecSettings().mp3Settings().bitrate()).isEqualTo(320_000);
            assertThat(audio.codecSettings().mp3Settings().channels()).isEqualTo(2);
        });
        assertThat(job.settings().outputGroups()).hasSize(1);
    }

    @Test
    void mp3WithoutSoundIsRefused() {
        OutputPlan plan = new OutputPlan(OutputFormat.MP3, new Size(1280, 720), Fps.DEFAULT, Quality.LOW, false,
                false, Optional.empty(), Optional.empty(), true, false);
        assertThatThrownBy(() -> encoder.createJobRequest(request(Environment.V1, plan, false)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void imageOutputsAreNotEncoded() {
        OutputPlan plan = new OutputPlan(OutputFormat.JPG, new Size(1280, 720), Fps.DEFAULT, Quality.LOW, false,
                false, Optional.empty(), Optional.empty(), true, false);
        assertThatThrownBy(() -> encoder.createJobRequest(request(Environment.V1, plan, false)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void posterAndThumbnailAreFrameCapturesOfTheFrameAtTheirTime() {
        CreateJobRequest job = encoder.createJobRequest(request(Environment.V1, plan(OutputFormat.MP4,
                Optional.of(1.5), Optional.of(new OutputPlan.ThumbnailPlan(0, new Size(320, 180)))), true));

        assertThat(job.settings().outputGroups()).hasSize(2);
        var captures = job.settings().outputGroups().get(1);
        assertThat(captures.outputGroupSettings().fileGroupSettings().destination())
                .isEqualTo("s3://out-bucket/renders/owner-1/" + RENDER);
        Output poster = captures.outputs().get(0);
        Output thumb = captures.outputs().get(1);
        assertThat(poster.nameModifier()).isEqualTo("-poster");
        assertThat(poster.containerSettings().container()).isEqualTo(ContainerType.RAW);
        assertThat(poster.extension()).isEqualTo("jpg");
        assertThat(poster.audioDescriptions()).isEmpty();
        assertThat(poster.videoDescription().width()).isEqualTo(1280);
        assertThat(poster.videoDescription().codecSettings().codec()).isEqualTo(VideoCodec.FRAME_CAPTURE);
        FrameCaptureSettings posterCapture = poster.videoDescription().codecSettings().frameCaptureSettings();
        // 1/1.5 frames per second: captures at 0 s and 1.5 s
        assertThat(posterCapture.framerateNumerator()).isEqualTo(2);
        assertThat(posterCapture.framerateDenominator()).isEqualTo(3);
        assertThat(posterCapture.maxCaptures()).isEqualTo(2);

        assertThat(thumb.nameModifier()).isEqualTo("-thumb");
        assertThat(thumb.videoDescription().width()).isEqualTo(320);
        assertThat(thumb.videoDescription().height()).isEqualTo(180);
        assertThat(thumb.videoDescription().codecSettings().frameCaptureSettings().maxCaptures()).isEqualTo(1);
    }

    @Test
    void theOutputsItWillWriteAreKnownBeforeTheJobStarts() {
        EncodeRequest both = request(Environment.V1, plan(OutputFormat.MP4, Optional.of(1.5),
                Optional.of(new OutputPlan.ThumbnailPlan(0, new Size(320, 180)))), true);
        EncodeRequest neither = request(Environment.V1, plan(OutputFormat.GIF, Optional.empty(), Optional.empty()), false);

        assertThat(encoder.outputsOf(both)).isEqualTo(new Encoder.WrittenFiles(
                "s3://out-bucket/renders/owner-1/" + RENDER + ".mp4",
                Optional.of("s3://out-bucket/renders/owner-1/" + RENDER + "-poster.0000001.jpg"),
                Optional.of("s3://out-bucket/renders/owner-1/" + RENDER + "-thumb.0000000.jpg")));
        assertThat(encoder.outputsOf(neither)).isEqualTo(new Encoder.WrittenFiles(
                "s3://out-bucket/renders/owner-1/" + RENDER + ".gif", Optional.empty(), Optional.empty()));
    }

    private static final List<Rendition> RENDITIONS =
            List.of(new Rendition("360", new Size(640, 360)), new Rendition("480", new Size(854, 480)));

    private static EncodeRequest withRenditions(Environment environment, OutputPlan plan, double duration) {
        return new EncodeRequest(RENDER, "owner-1", environment, "s3://work-bucket/intermediate/" + RENDER + ".mkv",
                "s3://out-bucket/renders/owner-1/" + RENDER, plan, true, true, duration, RENDITIONS);
    }

    @Test
    void eachRenditionIsAnMp4OfItsOwnSizeInOneGroupOfTheSameJobMadeAsTheDeliverableIs() {
        CreateJobRequest job = encoder.createJobRequest(withRenditions(Environment.V1, plan(OutputFormat.MP4,
                Optional.empty(), Optional.of(new OutputPlan.ThumbnailPlan(2, new Size(320, 180)))), 6));
        List<OutputGroup> groups = job.settings().outputGroups();

        assertThat(groups).extracting(OutputGroup::name).containsExactly("Deliverable", "Renditions", "Frame captures");
        assertThat(groups).allSatisfy(group -> assertThat(group.outputGroupSettings().fileGroupSettings().destination())
                .isEqualTo("s3://out-bucket/renders/owner-1/" + RENDER));
        Output main = groups.get(0).outputs().getFirst();
        assertThat(groups.get(0).outputs()).hasSize(1);
        assertThat(groups.get(1).outputs()).extracting(Output::nameModifier).containsExactly("-360", "-480");
        for (int i = 0; i < RENDITIONS.size(); i++) {
            Size size = RENDITIONS.get(i).size();
            Output rendition = groups.get(1).outputs().get(i);
            assertThat(rendition.extension()).isEqualTo("mp4");
            assertThat(rendition.containerSettings()).isEqualTo(main.containerSettings());
            assertThat(rendition.videoDescription().width()).isEqualTo(size.width());
            assertThat(rendition.videoDescription().height()).isEqualTo(size.height());
            H264Settings h264 = rendition.videoDescription().codecSettings().h264Settings();
            assertThat(h264.maxBitrate()).isEqualTo(MediaConvertEncoder.maxBitrate(size, new Fps(25, 1), Quality.MEDIUM))
                    .isLessThan(main.videoDescription().codecSettings().h264Settings().maxBitrate());
            assertThat(h264.toBuilder().maxBitrate(null).build())
                    .isEqualTo(main.videoDescription().codecSettings().h264Settings().toBuilder().maxBitrate(null).build());
            assertThat(rendition.audioDescriptions()).isEqualTo(main.audioDescriptions()).hasSize(1);
        }
        List<Output> captures = groups.get(2).outputs();
        assertThat(captures).extracting(Output::nameModifier).containsExactly("-thumb", "-360-thumb", "-480-thumb");
        assertThat(captures.subList(1, 3)).allSatisfy(capture -> {
            FrameCaptureSettings at = capture.videoDescription().codecSettings().frameCaptureSettings();
            // the thumbnail's time, 2 s: captures at 0 s and 2 s
            assertThat(at.framerateNumerator()).isEqualTo(1);
            assertThat(at.framerateDenominator()).isEqualTo(2);
            assertThat(at.maxCaptures()).isEqualTo(2);
        });
        assertThat(captures.get(1).videoDescription().width()).isEqualTo(640);
        assertThat(captures.get(2).videoDescription().height()).isEqualTo(480);
    }

    @Test
    void aRenditionsCaptureIsTakenAtThePosterWithoutAThumbnailAndMidVideoWithNeither() {
        EncodeRequest poster = withRenditions(Environment.V1, plan(OutputFormat.MP4, Optional.of(1.5), Optional.empty()), 6);
        EncodeRequest neither = withRenditions(Environment.V1, plan(OutputFormat.MP4, Optional.empty(), Optional.empty()), 5);

        assertThat(poster.renditionCaptureAt()).isEqualTo(1.5);
        assertThat(neither.renditionCaptureAt()).isEqualTo(2.5);
        FrameCaptureSettings mid = encoder.createJobRequest(neither).settings().outputGroups().get(2).outputs()
                .getFirst().videoDescription().codecSettings().frameCaptureSettings();
        assertThat(mid.framerateNumerator()).isEqualTo(2);
        assertThat(mid.framerateDenominator()).isEqualTo(5);
    }

    @Test
    void theRenditionsFilesAreKnownBeforeTheJobStarts() {
        EncodeRequest request = withRenditions(Environment.V1, plan(OutputFormat.MP4, Optional.empty(),
                Optional.of(new OutputPlan.ThumbnailPlan(2, new Size(320, 180)))), 6);
        String prefix = "s3://out-bucket/renders/owner-1/" + RENDER;

        assertThat(encoder.outputsOf(request)).isEqualTo(new Encoder.WrittenFiles(prefix + ".mp4", Optional.empty(),
                Optional.of(prefix + "-thumb.0000001.jpg"), List.of(
                        new Encoder.RenditionFiles("360", prefix + "-360.mp4", prefix + "-360-thumb.0000001.jpg"),
                        new Encoder.RenditionFiles("480", prefix + "-480.mp4", prefix + "-480-thumb.0000001.jpg"))));
    }

    @Test
    void renditionsOfAnythingButAnMp4AreRefused() {
        assertThatThrownBy(() -> withRenditions(Environment.V1, plan(OutputFormat.GIF, Optional.empty(),
                Optional.empty()), 3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GIF");
    }

    @Test
    void aStageRenditionAndItsCaptureCarryTheWatermarkPlacedInTheirOwnPixels() {
        CreateJobRequest job = encoder.createJobRequest(withRenditions(Environment.STAGE,
                plan(OutputFormat.MP4, Optional.empty(), Optional.empty()), 4));

        Output rendition = job.settings().outputGroups().get(1).outputs().getFirst();
        Output capture = job.settings().outputGroups().get(2).outputs().getFirst();
        for (Output output : List.of(rendition, capture)) {
            InsertableImage mark =
                    output.videoDescription().videoPreprocessors().imageInserter().insertableImages().getFirst();
            assertThat(mark).isEqualTo(encoder.watermark(new Size(640, 360)));
            assertThat(mark.imageX() + mark.width()).isLessThanOrEqualTo(640).isGreaterThan(600);
        }
    }

    @Test
    void captureRateIsTheReciprocalOfTheTimeToTheMillisecond() {
        assertThat(MediaConvertEncoder.CaptureRate.of(2.0, Fps.DEFAULT))
                .isEqualTo(new MediaConvertEncoder.CaptureRate(1, 2, 2));
        assertThat(MediaConvertEncoder.CaptureRate.of(0.04, Fps.DEFAULT))
                .isEqualTo(new MediaConvertEncoder.CaptureRate(25, 1, 2));
        assertThat(MediaConvertEncoder.CaptureRate.of(1.2345, Fps.DEFAULT))
                .isEqualTo(new MediaConvertEncoder.CaptureRate(200, 247, 2));
        // within half a frame of the start: the first frame
        assertThat(MediaConvertEncoder.CaptureRate.of(0.01, Fps.DEFAULT).maxCaptures()).isEqualTo(1);
        assertThat(MediaConvertEncoder.posterLocation("s3://b/renders/o/r", 1.5, Fps.DEFAULT))
                .isEqualTo("s3://b/renders/o/r-poster.0000001.jpg");
        assertThat(MediaConvertEncoder.thumbnailLocation("s3://b/renders/o/r", 0, Fps.DEFAULT))
                .isEqualTo("s3://b/renders/o/r-thumb.0000000.jpg");
        assertThat(MediaConvertEncoder.deliverableLocation("s3://b/renders/o/r", OutputFormat.GIF))
                .isEqualTo("s3://b/renders/o/r.gif");
    }

    @Test
    void stageOutputsCarryTheWatermarkInTheBottomRightCornerAtHalfOpacity() {
        CreateJobRequest job = encoder.createJobRequest(request(Environment.STAGE, plan(OutputFormat.MP4,
                Optional.of(1.0), Optional.of(new OutputPlan.ThumbnailPlan(1, new Size(320, 180)))), true));

        Output main = job.settings().outputGroups().get(0).outputs().getFirst();
        InsertableImage mark = main.videoDescription().videoPreprocessors().imageInserter().insertableImages().getFirst();
        assertThat(mark.imageInserterInput()).isEqualTo(WATERMARK);
        assertThat(mark.opacity()).isEqualTo(50);
        assertThat(mark.width()).isEqualTo(256);
        assertThat(mark.height()).isEqualTo(64);
        assertThat(mark.imageX() + mark.width()).isLessThanOrEqualTo(1280).isGreaterThan(1280 - 40);
        assertThat(mark.imageY() + mark.height()).isLessThanOrEqualTo(720).isGreaterThan(720 - 40);

        Output thumb = job.settings().outputGroups().get(1).outputs().get(1);
        InsertableImage thumbMark =
                thumb.videoDescription().videoPreprocessors().imageInserter().insertableImages().getFirst();
        assertThat(thumbMark.width()).isEqualTo(64);
        assertThat(thumbMark.imageX() + thumbMark.width()).isLessThanOrEqualTo(320).isGreaterThan(300);

        CreateJobRequest production = encoder.createJobRequest(request(Environment.V1, plan(OutputFormat.MP4,
                Optional.of(1.0), Optional.empty()), true));
        production.settings().outputGroups().forEach(group -> group.outputs().forEach(output ->
                assertThat(output.videoDescription().videoPreprocessors()).isNull()));
    }

    @Test
    void watermarkNeverCoversMoreThanHalfTheHeight() {
        MediaConvertEncoder tall = new MediaConvertEncoder(null,
                new MediaConvertSettings(ROLE, Optional.empty(), WATERMARK, new Size(100, 400)));
        InsertableImage mark = tall.watermark(new Size(1280, 720));
        assertThat(mark.height()).isEqualTo(360);
        assertThat(mark.width()).isEqualTo(90);
        assertThat(mark.imageY()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void qualityPresetsRiseMonotonically() {
        int previousLevel = 0;
        int previousBitrate = 0;
        for (Quality quality : Quality.values()) {
            int level = MediaConvertEncoder.qvbrLevel(quality);
            int bitrate = MediaConvertEncoder.maxBitrate(new Size(1920, 1080), Fps.DEFAULT, quality);
            assertThat(level).isBetween(1, 10).isGreaterThan(previousLevel);
            assertThat(bitrate).isGreaterThan(previousBitrate);
            previousLevel = level;
            previousBitrate = bitrate;
        }
        assertThat(MediaConvertEncoder.maxBitrate(new Size(1920, 1080), Fps.DEFAULT, Quality.MEDIUM))
                .isBetween(5_000_000, 7_000_000);
        assertThat(MediaConvertEncoder.maxBitrate(new Size(1920, 1080), new Fps(60, 1), Quality.MEDIUM))
                .isGreaterThan(MediaConvertEncoder.maxBitrate(new Size(1920, 1080), new Fps(30, 1), Quality.MEDIUM));
        assertThat(MediaConvertEncoder.maxBitrate(new Size(64, 64), Fps.DEFAULT, Quality.VERYLOW)).isEqualTo(200_000);
    }
}
