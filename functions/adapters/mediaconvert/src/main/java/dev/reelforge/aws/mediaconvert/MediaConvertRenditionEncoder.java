package dev.reelforge.aws.mediaconvert;

import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.ingest.RenditionEncoder;
import dev.reelforge.core.ingest.RenditionJobRefusedException;
import dev.reelforge.core.ingest.RenditionFit;
import dev.reelforge.core.ingest.RenditionFormat;
import dev.reelforge.core.ingest.RenditionSpec;
import dev.reelforge.runtime.FunctionEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.AacCodecProfile;
import software.amazon.awssdk.services.mediaconvert.model.AacCodingMode;
import software.amazon.awssdk.services.mediaconvert.model.AacRateControlMode;
import software.amazon.awssdk.services.mediaconvert.model.AacSettings;
import software.amazon.awssdk.services.mediaconvert.model.AudioCodec;
import software.amazon.awssdk.services.mediaconvert.model.AudioCodecSettings;
import software.amazon.awssdk.services.mediaconvert.model.AudioDefaultSelection;
import software.amazon.awssdk.services.mediaconvert.model.AudioDescription;
import software.amazon.awssdk.services.mediaconvert.model.AudioSelector;
import software.amazon.awssdk.services.mediaconvert.model.BadRequestException;
import software.amazon.awssdk.services.mediaconvert.model.ContainerSettings;
import software.amazon.awssdk.services.mediaconvert.model.ContainerType;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;
import software.amazon.awssdk.services.mediaconvert.model.FileGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.GifFramerateControl;
import software.amazon.awssdk.services.mediaconvert.model.GifFramerateConversionAlgorithm;
import software.amazon.awssdk.services.mediaconvert.model.GifSettings;
import software.amazon.awssdk.services.mediaconvert.model.H264CodecProfile;
import software.amazon.awssdk.services.mediaconvert.model.H264FramerateControl;
import software.amazon.awssdk.services.mediaconvert.model.H264FramerateConversionAlgorithm;
import software.amazon.awssdk.services.mediaconvert.model.H264GopSizeUnits;
import software.amazon.awssdk.services.mediaconvert.model.H264QualityTuningLevel;
import software.amazon.awssdk.services.mediaconvert.model.H264QvbrSettings;
import software.amazon.awssdk.services.mediaconvert.model.H264RateControlMode;
import software.amazon.awssdk.services.mediaconvert.model.H264SceneChangeDetect;
import software.amazon.awssdk.services.mediaconvert.model.H264Settings;
import software.amazon.awssdk.services.mediaconvert.model.Input;
import software.amazon.awssdk.services.mediaconvert.model.InputTimecodeSource;
import software.amazon.awssdk.services.mediaconvert.model.JobSettings;
import software.amazon.awssdk.services.mediaconvert.model.Mp3RateControlMode;
import software.amazon.awssdk.services.mediaconvert.model.Mp3Settings;
import software.amazon.awssdk.services.mediaconvert.model.Mp4MoovPlacement;
import software.amazon.awssdk.services.mediaconvert.model.Mp4Settings;
import software.amazon.awssdk.services.mediaconvert.model.OpusSettings;
import software.amazon.awssdk.services.mediaconvert.model.Output;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroup;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupType;
import software.amazon.awssdk.services.mediaconvert.model.ScalingBehavior;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodec;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodecSettings;
import software.amazon.awssdk.services.mediaconvert.model.VideoDescription;
import software.amazon.awssdk.services.mediaconvert.model.Vp9FramerateControl;
import software.amazon.awssdk.services.mediaconvert.model.Vp9FramerateConversionAlgorithm;
import software.amazon.awssdk.services.mediaconvert.model.Vp9QualityTuningLevel;
import software.amazon.awssdk.services.mediaconvert.model.Vp9RateControlMode;
import software.amazon.awssdk.services.mediaconvert.model.Vp9Settings;
import software.amazon.awssdk.services.mediaconvert.model.WavFormat;
import software.amazon.awssdk.services.mediaconvert.model.WavSettings;

/**
 * Makes every rendition of an ingested source with one AWS Elemental MediaConvert job (the local emulator runs the
 * same jobs on the embedded stack): the source is read and decoded once, and each rendition is an output of its
 * own file output group, written to the rendition's destination with the format's extension
 * ({@code s3://bucket/key} + {@code .mp4}; one output per group, so no name modifier is needed). The groups are in
 * the order of the renditions, and so are the COMPLETE event's {@code outputGroupDetails}.
 *
 * <p>The job's {@code clientRequestToken} comes from the source id, so a start repeated within MediaConvert's
 * one-minute window returns the job already started; its {@code userMetadata} ({@code application} reelforge,
 * {@code kind} ingest, {@code sourceId}, {@code owner}, {@code submittedAt}) comes back in every job event.
 * docs/MEDIACONVERT-EMULATOR.md ("Rendition jobs") has the mapping of each rendition field and its sources.
 */
public final class MediaConvertRenditionEncoder implements RenditionEncoder {

    /** The {@code kind} user metadata of rendition jobs; render jobs have none. */
    public static final String KIND = "ingest";
    static final String TOKEN_PREFIX = "ingest-";
    /** MediaConvert's client request tokens are at most 64 characters. */
    private static final int MAX_TOKEN_LENGTH = 64;
    /** The QVBR level when the rendition sets no quality: MediaConvert's recommendation for PCs and tablets. */
    static final int DEFAULT_QVBR_LEVEL = 7;
    /** Frames per second assumed for sizing the peak bitrate when the probe found none. */
    private static final Fps ASSUMED_FPS = Fps.DEFAULT;

    private final MediaConvertClient mediaConvert;
    private final String roleArn;
    private final Optional<String> queueArn;
    private final Clock clock;

    /**
     * @param settings the deployment's MediaConvert settings, of which renditions use the role and queue (no
     *                 watermark: a source is the user's own media, not a sandbox render)
     */
    public MediaConvertRenditionEncoder(MediaConvertClient mediaConvert, MediaConvertSettings settings, Clock clock) {
        this(mediaConvert, settings.roleArn(), settings.queueArn(), clock);
    }

    private MediaConvertRenditionEncoder(MediaConvertClient mediaConvert, String roleArn, Optional<String> queueArn,
            Clock clock) {
        this.mediaConvert = mediaConvert;
        this.roleArn = roleArn;
        this.queueArn = queueArn;
        this.clock = clock;
    }

    /** The encoder as template.yaml describes it: role {@code MEDIACONVERT_ROLE_ARN}, queue {@code MEDIACONVERT_QUEUE_ARN}. */
    public static MediaConvertRenditionEncoder of(FunctionEnvironment environment) {
        return new MediaConvertRenditionEncoder(MediaConvertEncoder.client(environment),
                environment.required("MEDIACONVERT_ROLE_ARN"), environment.optional("MEDIACONVERT_QUEUE_ARN"),
                environment.clock());
    }

    @Override
    public String start(RenditionJob job) {
        try {
            return mediaConvert.createJob(createJobRequest(job)).job().id();
        } catch (BadRequestException refused) {
            throw new RenditionJobRefusedException("MediaConvert refused the rendition job of source "
                    + job.sourceId() + ": " + refused.awsErrorDetails().errorMessage(), refused);
        }
    }

    /** Where a rendition's file is written ({@code s3://...}), as the COMPLETE event's {@code outputFilePaths} names it. */
    public static String fileOf(RenditionOutput rendition) {
        return rendition.destination() + "." + rendition.spec().format().wireName();
    }

    /** The job's client request token: the same for every start of one source's job. */
    static String clientRequestToken(String sourceId) {
        String token = TOKEN_PREFIX + sourceId;
        if (token.length() <= MAX_TOKEN_LENGTH && sourceId.chars().allMatch(c -> c > 32 && c < 127)) {
            return token;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sourceId.getBytes(StandardCharsets.UTF_8));
            return TOKEN_PREFIX + HexFormat.of().formatHex(digest).substring(0, MAX_TOKEN_LENGTH - TOKEN_PREFIX.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The job for a source's renditions; pure, so tests can read it without a MediaConvert. */
    CreateJobRequest createJobRequest(RenditionJob job) {
        boolean audioSelected = false;
        List<OutputGroup> groups = new ArrayList<>();
        for (int i = 0; i < job.renditions().size(); i++) {
            RenditionOutput rendition = job.renditions().get(i);
            Output output = output(rendition.spec(), job.media());
            audioSelected |= output.hasAudioDescriptions() && !output.audioDescriptions().isEmpty();
            groups.add(OutputGroup.builder()
                    .name("Rendition " + (i + 1))
                    .outputGroupSettings(OutputGroupSettings.builder()
                            .type(OutputGroupType.FILE_GROUP_SETTINGS)
                            .fileGroupSettings(FileGroupSettings.builder().destination(rendition.destination()).build())
                            .build())
                    .outputs(output)
                    .build());
        }
        Input.Builder input = Input.builder()
                .fileInput(job.input())
                .timecodeSource(InputTimecodeSource.ZEROBASED);
        if (audioSelected) {
            input.audioSelectors(Map.of(MediaConvertEncoder.AUDIO_SELECTOR,
                    AudioSelector.builder().defaultSelection(AudioDefaultSelection.DEFAULT).build()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("application", MediaConvertEncoder.APPLICATION);
        metadata.put("kind", KIND);
        metadata.put("sourceId", job.sourceId());
        metadata.put("owner", job.owner());
        metadata.put(MediaConvertEncoder.SUBMITTED_AT, Long.toString(clock.millis()));
        CreateJobRequest.Builder request = CreateJobRequest.builder()
                .role(roleArn)
                .clientRequestToken(clientRequestToken(job.sourceId()))
                .userMetadata(metadata)
                .settings(JobSettings.builder().inputs(input.build()).outputGroups(groups).build());
        queueArn.ifPresent(request::queue);
        return request.build();
    }

    private static Output output(RenditionSpec spec, SourceMedia media) {
        Output.Builder output = Output.builder().extension(spec.format().wireName());
        int level = qvbrLevel(spec);
        Quality preset = preset(level);
        return switch (spec.format()) {
            case MP4, MOV -> {
                ContainerSettings.Builder container = ContainerSettings.builder();
                if (spec.format() == RenditionFormat.MP4) {
                    container.container(ContainerType.MP4).mp4Settings(
                            Mp4Settings.builder().moovPlacement(Mp4MoovPlacement.PROGRESSIVE_DOWNLOAD).build());
                } else {
                    container.container(ContainerType.MOV);
                }
                output.containerSettings(container.build())
                        .videoDescription(video(spec, media, VideoCodecSettings.builder()
                                .codec(VideoCodec.H_264)
                                .h264Settings(h264(spec, media, level))
                                .build()));
                if (media.hasAudio()) {
                    output.audioDescriptions(audio(AudioCodecSettings.builder()
                            .codec(AudioCodec.AAC)
                            .aacSettings(AacSettings.builder()
                                    .codecProfile(AacCodecProfile.LC)
                                    .codingMode(AacCodingMode.CODING_MODE_2_0)
                                    .rateControlMode(AacRateControlMode.CBR)
                                    .sampleRate(48_000)
                                    .bitrate(MediaConvertEncoder.aacBitrate(preset))
                                    .build())
                            .build()));
                }
                yield output.build();
            }
            case WEBM -> {
                output.containerSettings(ContainerSettings.builder().container(ContainerType.WEBM).build())
                        .videoDescription(video(spec, media, VideoCodecSettings.builder()
                                .codec(VideoCodec.VP9)
                                .vp9Settings(vp9(spec, media, level))
                                .build()));
                if (media.hasAudio()) {
                    output.audioDescriptions(audio(AudioCodecSettings.builder()
                            .codec(AudioCodec.OPUS)
                            .opusSettings(OpusSettings.builder()
                                    .bitrate(MediaConvertEncoder.aacBitrate(preset))
                                    .channels(2)
                                    .sampleRate(48_000)
                                    .build())
                            .build()));
                }
                yield output.build();
            }
            case GIF -> {
                Optional<Fps> fps = fps(spec);
                GifSettings.Builder gif = GifSettings.builder()
                        .framerateControl(fps.isPresent() ? GifFramerateControl.SPECIFIED
                                : GifFramerateControl.INITIALIZE_FROM_SOURCE);
                fps.ifPresent(rate -> gif.framerateNumerator(rate.numerator())
                        .framerateDenominator(rate.denominator())
                        .framerateConversionAlgorithm(GifFramerateConversionAlgorithm.DUPLICATE_DROP));
                yield output.containerSettings(ContainerSettings.builder().container(ContainerType.GIF).build())
                        .videoDescription(video(spec, media, VideoCodecSettings.builder()
                                .codec(VideoCodec.GIF)
                                .gifSettings(gif.build())
                                .build()))
                        .build();
            }
            case MP3 -> output.containerSettings(ContainerSettings.builder().container(ContainerType.RAW).build())
                    .audioDescriptions(audio(AudioCodecSettings.builder()
                            .codec(AudioCodec.MP3)
                            .mp3Settings(Mp3Settings.builder()
                                    .rateControlMode(Mp3RateControlMode.CBR)
                                    .bitrate(MediaConvertEncoder.mp3Bitrate(preset))
                                    .channels(2)
                                    .sampleRate(48_000)
                                    .build())
                            .build()))
                    .build();
            case WAV -> output.containerSettings(ContainerSettings.builder().container(ContainerType.RAW).build())
                    .audioDescriptions(audio(AudioCodecSettings.builder()
                            .codec(AudioCodec.WAV)
                            .wavSettings(WavSettings.builder()
                                    .format(WavFormat.RIFF)
                                    .bitDepth(16)
                                    .channels(2)
                                    .sampleRate(48_000)
                                    .build())
                            .build()))
                    .build();
            default -> throw new IllegalArgumentException(spec.format().wireName()
                    + " renditions are not made by MediaConvert (RenditionsReader refuses them)");
        };
    }

    private static AudioDescription audio(AudioCodecSettings codec) {
        return AudioDescription.builder()
                .audioSourceName(MediaConvertEncoder.AUDIO_SELECTOR)
                .codecSettings(codec)
                .build();
    }

    /** The rendition's frame, filled as its fit says; without a size, the source's own frame, unscaled. */
    private static VideoDescription video(RenditionSpec spec, SourceMedia media, VideoCodecSettings codec) {
        VideoDescription.Builder video = VideoDescription.builder().codecSettings(codec);
        spec.frameFor(media).ifPresent(frame -> video.width(frame.width()).height(frame.height())
                .scalingBehavior(scalingBehavior(spec.fit())));
        return video.build();
    }

    /**
     * MediaConvert's scaling behaviours, as its user guide describes them ("Video scaling behavior"): FILL scales to
     * fill the frame and crops the excess (crop), STRETCH_TO_OUTPUT distorts to the frame (cover), DEFAULT ("Fit with
     * padding") scales to fit inside and pads to the frame (contain: the file has the size asked for, with bars;
     * FIT would instead shrink the file to the scaled picture, which is not the size the user asked for).
     */
    static ScalingBehavior scalingBehavior(RenditionFit fit) {
        return switch (fit) {
            case CROP -> ScalingBehavior.FILL;
            case COVER -> ScalingBehavior.STRETCH_TO_OUTPUT;
            case CONTAIN -> ScalingBehavior.DEFAULT;
        };
    }

    private static H264Settings h264(RenditionSpec spec, SourceMedia media, int level) {
        H264Settings.Builder h264 = H264Settings.builder()
                .rateControlMode(H264RateControlMode.QVBR)
                .qvbrSettings(H264QvbrSettings.builder().qvbrQualityLevel(level).build())
                .maxBitrate(peakBitrate(spec, media, level))
                .qualityTuningLevel(H264QualityTuningLevel.SINGLE_PASS_HQ)
                .sceneChangeDetect(H264SceneChangeDetect.TRANSITION_DETECTION)
                .codecProfile(H264CodecProfile.HIGH);
        fps(spec).ifPresentOrElse(fps -> h264.framerateControl(H264FramerateControl.SPECIFIED)
                        .framerateNumerator(fps.numerator())
                        .framerateDenominator(fps.denominator())
                        .framerateConversionAlgorithm(H264FramerateConversionAlgorithm.DUPLICATE_DROP),
                () -> h264.framerateControl(H264FramerateControl.INITIALIZE_FROM_SOURCE));
        spec.keyframeInterval().ifPresent(frames -> h264.gopSize((double) frames).gopSizeUnits(H264GopSizeUnits.FRAMES));
        return h264.build();
    }

    /**
     * VP9 has no QVBR in MediaConvert (VBR only): the average is half the peak H.264 would be allowed at the same
     * quality (VP9 needs less for the same picture), the peak the same.
     */
    private static Vp9Settings vp9(RenditionSpec spec, SourceMedia media, int level) {
        int peak = peakBitrate(spec, media, level);
        Vp9Settings.Builder vp9 = Vp9Settings.builder()
                .rateControlMode(Vp9RateControlMode.VBR)
                .bitrate(peak / 2)
                .maxBitrate(peak)
                .qualityTuningLevel(Vp9QualityTuningLevel.MULTI_PASS);
        fps(spec).ifPresentOrElse(fps -> vp9.framerateControl(Vp9FramerateControl.SPECIFIED)
                        .framerateNumerator(fps.numerator())
                        .framerateDenominator(fps.denominator())
                        .framerateConversionAlgorithm(Vp9FramerateConversionAlgorithm.DUPLICATE_DROP),
                () -> vp9.framerateControl(Vp9FramerateControl.INITIALIZE_FROM_SOURCE));
        spec.keyframeInterval().ifPresent(frames -> vp9.gopSize((double) frames));
        return vp9.build();
    }

    /** 23.976 as 24000/1001, 29.97 as 30000/1001, 59.94 as 60000/1001. */
    private static Optional<Fps> fps(RenditionSpec spec) {
        return spec.fps().isPresent() ? Optional.of(Fps.of(spec.fps().getAsDouble())) : Optional.empty();
    }

    /** The peak bitrate of the rendition's frame and rate at its level, as renders' outputs are sized. */
    private static int peakBitrate(RenditionSpec spec, SourceMedia media, int level) {
        Size frame = spec.frameFor(media).orElse(new Size(media.width(), media.height()));
        Fps fps = fps(spec).orElse(media.fps() > 0 ? Fps.of(media.fps()) : ASSUMED_FPS);
        return MediaConvertEncoder.maxBitrate(frame, fps, preset(level));
    }

    /** Quality 1 to 100 as a QVBR level 1 to 10 (1-10 is 1, ..., 91-100 is 10); none is level 7. */
    static int qvbrLevel(RenditionSpec spec) {
        return spec.quality().isPresent() ? Math.max(1, Math.min(10, (spec.quality().getAsInt() + 9) / 10))
                : DEFAULT_QVBR_LEVEL;
    }

    /** The renders' preset whose QVBR level is nearest: it sizes bitrates (peak video, AAC, Opus, MP3). */
    static Quality preset(int level) {
        if (level <= 5) {
            return Quality.VERYLOW;
        }
        return switch (level) {
            case 6 -> Quality.LOW;
            case 7 -> Quality.MEDIUM;
            case 8 -> Quality.HIGH;
            default -> Quality.VERYHIGH;
        };
    }
}
