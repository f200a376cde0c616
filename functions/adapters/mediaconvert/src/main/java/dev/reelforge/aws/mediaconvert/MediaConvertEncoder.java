package dev.reelforge.aws.mediaconvert;

import dev.reelforge.core.Environment;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.pipeline.Encoder;
import dev.reelforge.core.plan.OutputPlan;
import dev.reelforge.core.plan.WatermarkPlacement;
import dev.reelforge.core.render.Rendition;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.SdkClients;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.mediaconvert.model.ContainerSettings;
import software.amazon.awssdk.services.mediaconvert.model.ContainerType;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;
import software.amazon.awssdk.services.mediaconvert.model.FileGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.FrameCaptureSettings;
import software.amazon.awssdk.services.mediaconvert.model.GifFramerateControl;
import software.amazon.awssdk.services.mediaconvert.model.GifFramerateConversionAlgorithm;
import software.amazon.awssdk.services.mediaconvert.model.GifSettings;
import software.amazon.awssdk.services.mediaconvert.model.H264CodecProfile;
import software.amazon.awssdk.services.mediaconvert.model.H264FramerateControl;
import software.amazon.awssdk.services.mediaconvert.model.H264FramerateConversionAlgorithm;
import software.amazon.awssdk.services.mediaconvert.model.H264QualityTuningLevel;
import software.amazon.awssdk.services.mediaconvert.model.H264QvbrSettings;
import software.amazon.awssdk.services.mediaconvert.model.H264RateControlMode;
import software.amazon.awssdk.services.mediaconvert.model.H264SceneChangeDetect;
import software.amazon.awssdk.services.mediaconvert.model.H264Settings;
import software.amazon.awssdk.services.mediaconvert.model.ImageInserter;
import software.amazon.awssdk.services.mediaconvert.model.Input;
import software.amazon.awssdk.services.mediaconvert.model.InputTimecodeSource;
import software.amazon.awssdk.services.mediaconvert.model.InsertableImage;
import software.amazon.awssdk.services.mediaconvert.model.JobSettings;
import software.amazon.awssdk.services.mediaconvert.model.Mp3RateControlMode;
import software.amazon.awssdk.services.mediaconvert.model.Mp3Settings;
import software.amazon.awssdk.services.mediaconvert.model.Mp4MoovPlacement;
import software.amazon.awssdk.services.mediaconvert.model.Mp4Settings;
import software.amazon.awssdk.services.mediaconvert.model.Output;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroup;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupType;
import software.amazon.awssdk.services.mediaconvert.model.ScalingBehavior;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodec;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodecSettings;
import software.amazon.awssdk.services.mediaconvert.model.VideoDescription;
import software.amazon.awssdk.services.mediaconvert.model.VideoPreprocessor;

/**
 * Encodes a render's intermediate with one AWS Elemental MediaConvert job (the local MediaConvert emulator
 * runs the same jobs on the embedded stack). The job's {@code clientRequestToken} is the render id, so a
 * start retried within MediaConvert's one-minute idempotency window returns the job already started.
 *
 * <p>The job has one input, or one per chunk of a composition made in chunks (joined in order), and up to three file output groups writing next to each other under the
 * request's output prefix: the deliverable ({@code <prefix>.mp4|.gif|.mp3}, alone in its group: it has no name
 * modifier, which MediaConvert requires of every output of a group with several), the renditions of an MP4, if
 * any ({@code <prefix>-360.mp4}, ... one output each, made as the deliverable is at their own size), and the frame
 * captures ({@code <prefix>-poster.NNNNNNN.jpg}, {@code <prefix>-thumb.NNNNNNN.jpg}, {@code <prefix>-360-thumb...}
 * for each rendition at {@link EncodeRequest#renditionCaptureAt}, at the rendition's size). A frame capture samples the
 * output from its first frame at a fixed rate, so the frame at {@code t} seconds is taken as the second
 * capture at 1/t frames per second ({@code .0000001.jpg}, which is also the path the COMPLETE event
 * reports), or the only capture when {@code t} is the first frame. docs/MEDIACONVERT-EMULATOR.md has the
 * details and the sources.
 */
public final class MediaConvertEncoder implements Encoder {

    static final String APPLICATION = "reelforge";
    /** The job's user metadata entry with the epoch milliseconds of its submission (its job events carry it). */
    public static final String SUBMITTED_AT = "submittedAt";
    static final String AUDIO_SELECTOR = "Audio Selector 1";
    static final String POSTER_MODIFIER = "-poster";
    static final String THUMBNAIL_MODIFIER = "-thumb";
    static final int FRAME_CAPTURE_QUALITY = 85;

    private final MediaConvertClient mediaConvert;
    private final MediaConvertSettings settings;
    private final Clock clock;

    public MediaConvertEncoder(MediaConvertClient mediaConvert, MediaConvertSettings settings) {
        this(mediaConvert, settings, Clock.systemUTC());
    }

    /** @param clock dates each job's {@code submittedAt} metadata, from which its encode duration is measured */
    public MediaConvertEncoder(MediaConvertClient mediaConvert, MediaConvertSettings settings, Clock clock) {
        this.mediaConvert = mediaConvert;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The encoder as template.yaml describes it to a function: jobs run with the role {@code MEDIACONVERT_ROLE_ARN}
     * on the queue {@code MEDIACONVERT_QUEUE_ARN} (the account's default queue when not set), watermarking sandbox
     * outputs with the image at {@code watermarkImage} ({@code s3://...}) of the given size.
     */
    public static MediaConvertEncoder of(FunctionEnvironment environment, String watermarkImage, Size watermarkSize) {
        return new MediaConvertEncoder(client(environment),
                new MediaConvertSettings(environment.required("MEDIACONVERT_ROLE_ARN"),
                        environment.optional("MEDIACONVERT_QUEUE_ARN"), watermarkImage, watermarkSize),
                environment.clock());
    }

    /** The MediaConvert client of a function, configured as template.yaml describes it ({@code MEDIACONVERT_*}). */
    static MediaConvertClient client(FunctionEnvironment environment) {
        return SdkClients.configure(MediaConvertClient.builder(), environment, "MEDIACONVERT").build();
    }

    @Override
    public String start(EncodeRequest request) {
        return mediaConvert.createJob(createJobRequest(request)).job().id();
    }

    @Override
    public void cancel(String jobId) {
        new MediaConvertJobs(mediaConvert).cancel(jobId);
    }

    /** The job's outputs, named as {@link #createJobRequest} has MediaConvert name them. */
    @Override
    public WrittenFiles outputsOf(EncodeRequest request) {
        OutputPlan plan = request.output();
        return new WrittenFiles(deliverableLocation(request.outputPrefix(), plan.format()),
                plan.posterAt().map(at -> posterLocation(request.outputPrefix(), at, plan.fps())),
                plan.thumbnail().map(thumbnail -> thumbnailLocation(request.outputPrefix(), thumbnail.at(), plan.fps())),
                request.renditions().stream()
                        .map(rendition -> new RenditionFiles(rendition.name(),
                                request.outputPrefix() + renditionModifier(rendition) + "." + plan.format().extension(),
                                request.outputPrefix() + captureSuffix(renditionCaptureModifier(rendition),
                                        request.renditionCaptureAt(), plan.fps())))
                        .toList());
    }

    /** The job for a request; pure, so tests can read it without a MediaConvert. */
    CreateJobRequest createJobRequest(EncodeRequest request) {
        OutputPlan plan = request.output();
        boolean audio = writesAudio(request);
        List<OutputGroup> groups = new ArrayList<>();
        groups.add(fileGroup("Deliverable", request.outputPrefix(), List.of(deliverable(request, audio))));
        if (!request.renditions().isEmpty()) {
            groups.add(fileGroup("Renditions", request.outputPrefix(), request.renditions().stream()
                    .map(rendition -> mp4(request, rendition.size(), audio).nameModifier(renditionModifier(rendition))
                            .build())
                    .toList()));
        }
        List<Output> captures = new ArrayList<>();
        plan.posterAt().ifPresent(at -> captures.add(frameCapture(request, POSTER_MODIFIER, at, plan.size())));
        plan.thumbnail().ifPresent(thumbnail ->
                captures.add(frameCapture(request, THUMBNAIL_MODIFIER, thumbnail.at(), thumbnail.size())));
        for (Rendition rendition : request.renditions()) {
            captures.add(frameCapture(request, renditionCaptureModifier(rendition), request.renditionCaptureAt(),
                    rendition.size()));
        }
        if (!captures.isEmpty()) {
            groups.add(fileGroup("Frame captures", request.outputPrefix(), captures));
        }
        // MediaConvert joins a job's inputs in their order into one timeline; every input has the selector the
        // outputs read their sound from
        List<Input> inputs = request.inputs().stream().map(location -> {
            Input.Builder input = Input.builder()
                    .fileInput(location)
                    .timecodeSource(InputTimecodeSource.ZEROBASED);
            if (audio) {
                input.audioSelectors(Map.of(AUDIO_SELECTOR,
                        AudioSelector.builder().defaultSelection(AudioDefaultSelection.DEFAULT).build()));
            }
            return input.build();
        }).toList();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("owner", request.owner());
        metadata.put("renderId", request.renderId().toString());
        metadata.put("environment", request.environment().pathName());
        metadata.put("application", APPLICATION);
        metadata.put(SUBMITTED_AT, Long.toString(clock.millis()));
        CreateJobRequest.Builder job = CreateJobRequest.builder()
                .role(settings.roleArn())
                .clientRequestToken(request.renderId().toString())
                .userMetadata(metadata)
                .settings(JobSettings.builder().inputs(inputs).outputGroups(groups).build());
        settings.queueArn().ifPresent(job::queue);
        return job.build();
    }

    /** Sound is encoded when the intermediate has some and the output carries it: an unmuted MP4, or an MP3. */
    private static boolean writesAudio(EncodeRequest request) {
        return request.hasAudio() && switch (request.output().format()) {
            case MP4 -> !request.output().mute();
            case MP3 -> true;
            default -> false;
        };
    }

    private static OutputGroup fileGroup(String name, String destination, List<Output> outputs) {
        return OutputGroup.builder()
                .name(name)
                .outputGroupSettings(OutputGroupSettings.builder()
                        .type(OutputGroupType.FILE_GROUP_SETTINGS)
                        .fileGroupSettings(FileGroupSettings.builder().destination(destination).build())
                        .build())
                .outputs(outputs)
                .build();
    }

    private Output deliverable(EncodeRequest request, boolean audio) {
        OutputPlan plan = request.output();
        return switch (plan.format()) {
            case MP4 -> mp4(request, plan.size(), audio).build();
            case GIF -> Output.builder()
                    .extension("gif")
                    .containerSettings(ContainerSettings.builder().container(ContainerType.GIF).build())
                    .videoDescription(video(request, plan.size(), VideoCodecSettings.builder()
                            .codec(VideoCodec.GIF)
                            .gifSettings(GifSettings.builder()
                                    .framerateControl(GifFramerateControl.SPECIFIED)
                                    .framerateNumerator(plan.fps().numerator())
                                    .framerateDenominator(plan.fps().denominator())
                                    .framerateConversionAlgorithm(GifFramerateConversionAlgorithm.DUPLICATE_DROP)
                                    .build())
                            .build()))
                    .build();
            case MP3 -> {
                if (!audio) {
                    throw new IllegalArgumentException("an MP3 output needs an intermediate with sound");
                }
                yield Output.builder()
                        .extension("mp3")
                        .containerSettings(ContainerSettings.builder().container(ContainerType.RAW).build())
                        .audioDescriptions(AudioDescription.builder()
                                .audioSourceName(AUDIO_SELECTOR)
                                .codecSettings(AudioCodecSettings.builder()
                                        .codec(AudioCodec.MP3)
                                        .mp3Settings(Mp3Settings.builder()
                                                .rateControlMode(Mp3RateControlMode.CBR)
                                                .bitrate(mp3Bitrate(plan.quality()))
                                                .channels(2)
                                                .sampleRate(48_000)
                                                .build())
                                        .build())
                                .build())
                        .build();
            }
            case JPG, PNG, BMP -> throw new IllegalArgumentException(
                    "a " + plan.format() + " output is composed directly, not encoded by MediaConvert");
        };
    }

    /**
     * An MP4 of the plan's video at {@code size}: H.264 whose peak bitrate follows the size ({@link #maxBitrate}) at
     * the plan's quality level, and AAC when {@code audio}. The deliverable and every rendition are made so.
     */
    private Output.Builder mp4(EncodeRequest request, Size size, boolean audio) {
        OutputPlan plan = request.output();
        Output.Builder output = Output.builder()
                .extension("mp4")
                .containerSettings(ContainerSettings.builder()
                        .container(ContainerType.MP4)
                        .mp4Settings(Mp4Settings.builder().moovPlacement(Mp4MoovPlacement.PROGRESSIVE_DOWNLOAD).build())
                        .build())
                .videoDescription(video(request, size, VideoCodecSettings.builder()
                        .codec(VideoCodec.H_264)
                        .h264Settings(h264(size, plan.fps(), plan.quality()))
                        .build()));
        if (audio) {
            output.audioDescriptions(AudioDescription.builder()
                    .audioSourceName(AUDIO_SELECTOR)
                    .codecSettings(AudioCodecSettings.builder()
                            .codec(AudioCodec.AAC)
                            .aacSettings(AacSettings.builder()
                                    .codecProfile(AacCodecProfile.LC)
                                    .codingMode(AacCodingMode.CODING_MODE_2_0)
                                    .rateControlMode(AacRateControlMode.CBR)
                                    .sampleRate(48_000)
                                    .bitrate(aacBitrate(plan.quality()))
                                    .build())
                            .build())
                    .build());
        }
        return output;
    }

    private Output frameCapture(EncodeRequest request, String nameModifier, double at, Size size) {
        CaptureRate rate = CaptureRate.of(at, request.output().fps());
        return Output.builder()
                .nameModifier(nameModifier)
                .extension("jpg")
                .containerSettings(ContainerSettings.builder().container(ContainerType.RAW).build())
                .videoDescription(video(request, size, VideoCodecSettings.builder()
                        .codec(VideoCodec.FRAME_CAPTURE)
                        .frameCaptureSettings(FrameCaptureSettings.builder()
                                .framerateNumerator(rate.numerator())
                                .framerateDenominator(rate.denominator())
                                .maxCaptures(rate.maxCaptures())
                                .quality(FRAME_CAPTURE_QUALITY)
                                .build())
                        .build()))
                .build();
    }

    private VideoDescription video(EncodeRequest request, Size size, VideoCodecSettings codec) {
        VideoDescription.Builder video = VideoDescription.builder()
                .width(size.width())
                .height(size.height())
                .scalingBehavior(ScalingBehavior.STRETCH_TO_OUTPUT)
                .codecSettings(codec);
        if (request.environment() == Environment.STAGE) {
            video.videoPreprocessors(VideoPreprocessor.builder()
                    .imageInserter(ImageInserter.builder().insertableImages(watermark(size)).build())
                    .build());
        }
        return video.build();
    }

    /**
     * The sandbox watermark in the bottom-right corner of an output of {@code frame} size. It is an output
     * overlay, placed in the output's own pixels: an input overlay would be placed in the intermediate's
     * pixels, which are not the delivered size when the edit asks for {@code scaleTo}, and the request
     * does not say what they are.
     */
    InsertableImage watermark(Size frame) {
        WatermarkPlacement placement = WatermarkPlacement.on(frame, settings.watermarkSize());
        return InsertableImage.builder()
                .imageInserterInput(settings.watermarkImage())
                .layer(1)
                .opacity(WatermarkPlacement.OPACITY_PERCENT)
                .width(placement.width())
                .height(placement.height())
                .imageX(placement.x())
                .imageY(placement.y())
                .build();
    }

    private static H264Settings h264(Size size, Fps fps, Quality quality) {
        return H264Settings.builder()
                .rateControlMode(H264RateControlMode.QVBR)
                .qvbrSettings(H264QvbrSettings.builder().qvbrQualityLevel(qvbrLevel(quality)).build())
                .maxBitrate(maxBitrate(size, fps, quality))
                .qualityTuningLevel(H264QualityTuningLevel.SINGLE_PASS_HQ)
                .sceneChangeDetect(H264SceneChangeDetect.TRANSITION_DETECTION)
                .codecProfile(H264CodecProfile.HIGH)
                .framerateControl(H264FramerateControl.SPECIFIED)
                .framerateNumerator(fps.numerator())
                .framerateDenominator(fps.denominator())
                .framerateConversionAlgorithm(H264FramerateConversionAlgorithm.DUPLICATE_DROP)
                .build();
    }

    /**
     * QVBR quality levels (1 to 10). MediaConvert recommends 7 for PCs and tablets and 8 or 9 for large
     * screens; medium is the PC level, and each preset a step either side.
     */
    static int qvbrLevel(Quality quality) {
        return switch (quality) {
            case VERYLOW -> 5;
            case LOW -> 6;
            case MEDIUM -> 7;
            case HIGH -> 8;
            case VERYHIGH -> 9;
        };
    }

    /**
     * The peak bitrate QVBR may use: bits per pixel per second by preset, more above 30 fps, clamped.
     * Close to MediaConvert's recommended starting points (1080p level 9 at 6 Mbit/s, 720p level 8 at
     * 4 Mbit/s, 480p level 7 at 1 Mbit/s).
     */
    public static int maxBitrate(Size size, Fps fps, Quality quality) {
        double bitsPerPixel = switch (quality) {
            case VERYLOW -> 1.0;
            case LOW -> 1.75;
            case MEDIUM -> 3.0;
            case HIGH -> 4.0;
            case VERYHIGH -> 5.0;
        };
        double rate = (double) size.width() * size.height() * bitsPerPixel * Math.max(1, fps.value() / 30);
        return (int) Math.max(200_000, Math.min(40_000_000, Math.round(rate / 1000) * 1000));
    }

    static int aacBitrate(Quality quality) {
        return switch (quality) {
            case VERYLOW -> 64_000;
            case LOW -> 96_000;
            case MEDIUM -> 128_000;
            case HIGH -> 160_000;
            case VERYHIGH -> 192_000;
        };
    }

    static int mp3Bitrate(Quality quality) {
        return switch (quality) {
            case VERYLOW -> 96_000;
            case LOW -> 128_000;
            case MEDIUM -> 192_000;
            case HIGH -> 256_000;
            case VERYHIGH -> 320_000;
        };
    }

    /**
     * A frame capture that yields the frame at {@code at} seconds. MediaConvert captures the first frame,
     * then one every {@code denominator/numerator} seconds, at most {@code maxCaptures}: so the rate is 1/at
     * (to the millisecond) and the second capture is the frame wanted. Within half a frame of the start,
     * the first capture is it.
     */
    record CaptureRate(int numerator, int denominator, int maxCaptures) {

        static CaptureRate of(double at, Fps fps) {
            long millis = Math.round(at * 1000);
            if (at < 0.5 / fps.value() || millis == 0) {
                return new CaptureRate(1, 1, 1);
            }
            long divisor = gcd(1000, millis);
            return new CaptureRate((int) (1000 / divisor), (int) (millis / divisor), 2);
        }

        /** Which capture file holds the frame wanted: {@code .0000000.jpg} or {@code .0000001.jpg}. */
        int index() {
            return maxCaptures - 1;
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }

    /** The key suffix of the capture holding the frame at {@code at} seconds: {@code -poster.0000001.jpg}. */
    public static String captureSuffix(String nameModifier, double at, Fps fps) {
        return String.format("%s.%07d.jpg", nameModifier, CaptureRate.of(at, fps).index());
    }

    /** Where the poster is written for an output prefix: {@code <prefix>-poster.000000N.jpg}. */
    public static String posterLocation(String outputPrefix, double at, Fps fps) {
        return outputPrefix + captureSuffix(POSTER_MODIFIER, at, fps);
    }

    /** Where the thumbnail is written for an output prefix: {@code <prefix>-thumb.000000N.jpg}. */
    public static String thumbnailLocation(String outputPrefix, double at, Fps fps) {
        return outputPrefix + captureSuffix(THUMBNAIL_MODIFIER, at, fps);
    }

    /** A rendition's video file's name modifier: {@code -360} writes {@code <prefix>-360.mp4}. */
    static String renditionModifier(Rendition rendition) {
        return "-" + rendition.name();
    }

    /** A rendition's frame capture's name modifier: {@code -360-thumb} writes {@code <prefix>-360-thumb.000000N.jpg}. */
    static String renditionCaptureModifier(Rendition rendition) {
        return renditionModifier(rendition) + THUMBNAIL_MODIFIER;
    }

    /** The deliverable's location: the prefix with the format's extension. */
    public static String deliverableLocation(String outputPrefix, OutputFormat format) {
        return outputPrefix + "." + format.extension();
    }
}
