package dev.reelforge.local.mediaconvert;

import static dev.reelforge.local.mediaconvert.JsonPath.names;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CreateJob request the local MediaConvert can run, read from its JSON by {@link #parse}, which refuses
 * everything outside the honoured subset with the path of what it refuses. The subset is what
 * {@code MediaConvertEncoder} and {@code MediaConvertRenditionEncoder} write, plus close variants: 1 to
 * {@value #MAX_INPUTS} inputs from S3, joined in order into one timeline (ZEROBASED or EMBEDDED timecode, default
 * audio selection, image inserters), file output groups to S3, and
 * outputs that are H.264 + AAC in MP4 or MOV, VP9 + Opus in WEBM, GIF in GIF, MP3 or WAV in RAW, or JPEG frame
 * captures in RAW; docs/MEDIACONVERT-EMULATOR.md
 * lists it field by field.
 */
record JobSpec(String role, Optional<String> queue, Map<String, String> userMetadata,
        Optional<String> clientRequestToken, int priority, List<InputSpec> inputs, List<GroupSpec> groups) {

    /** The first input: the one an output "named after the input" is named after. */
    InputSpec first() {
        return inputs.getFirst();
    }

    record S3Location(String bucket, String key) {

        String uri() {
            return "s3://" + bucket + "/" + key;
        }

        /** The last segment of the key, the file's name. */
        String fileName() {
            int slash = key.lastIndexOf('/');
            return slash < 0 ? key : key.substring(slash + 1);
        }

        static S3Location parse(JsonPath at, boolean allowEmptyKey) {
            String uri = at.requiredText();
            if (!uri.startsWith("s3://")) {
                throw new InvalidJobException(at.path() + ": " + uri
                        + " is not supported by the local MediaConvert (only s3:// locations are)");
            }
            String rest = uri.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            if (bucket.isEmpty() || (!allowEmptyKey && (key.isEmpty() || key.endsWith("/")))) {
                throw at.invalid("expected s3://bucket/key");
            }
            return new S3Location(bucket, key);
        }
    }

    /** A fraction of frames per second, or, for frame captures, captures per second. */
    record Rate(int numerator, int denominator) {

        double value() {
            return (double) numerator / denominator;
        }

        String ffmpeg() {
            return numerator + "/" + denominator;
        }
    }

    record InputSpec(S3Location file, Set<String> audioSelectors, List<Overlay> overlays) {}

    /** A still image drawn over the video; {@code width}/{@code height} absent keep the image's own. */
    record Overlay(S3Location image, int x, int y, Optional<Integer> width, Optional<Integer> height, int opacity,
            int layer) {}

    record GroupSpec(S3Location destination, List<OutputSpec> outputs) {}

    enum Container { MP4, MOV, WEBM, GIF, RAW }

    record OutputSpec(int group, int index, Container container, String nameModifier, String extension,
            boolean progressiveDownload, Optional<VideoSpec> video, Optional<AudioSpec> audio) {

        boolean isFrameCapture() {
            return video.isPresent() && video.get().codec() instanceof FrameCapture;
        }

        String describe() {
            return "output " + index + " of output group " + group;
        }
    }

    /**
     * {@code width}/{@code height} absent keep the input's; with both, {@code scaling} says how a picture of another
     * aspect ratio fills them.
     */
    record VideoSpec(Optional<Integer> width, Optional<Integer> height, Scaling scaling, Codec codec,
            List<Overlay> overlays) {}

    /**
     * MediaConvert's scaling behaviours ("Video scaling behavior" in its user guide): DEFAULT scales to fit inside the
     * frame and pads the rest (black), STRETCH_TO_OUTPUT distorts to the frame, FIT scales to fit inside without
     * padding (the file is the scaled picture's size), FILL scales to cover the frame and crops the excess.
     */
    enum Scaling { DEFAULT, STRETCH_TO_OUTPUT, FIT, FILL }

    sealed interface Codec permits H264, Vp9, Gif, FrameCapture {}

    /**
     * A keyframe every {@code size} frames ({@code FRAMES}) or seconds ({@code SECONDS}).
     */
    record Gop(double size, boolean seconds) {}

    /**
     * @param rateControlMode QVBR, VBR or CBR
     * @param qualityLevel    the QVBR level, 1 to 10
     * @param profile         the x264 profile
     * @param rate            the output frame rate; absent follows the source
     * @param gop             the keyframe interval; absent leaves it to the encoder
     * @param sceneChangeKeyframes whether a scene change may start a GOP early (sceneChangeDetect not DISABLED)
     */
    record H264(String rateControlMode, int qualityLevel, Optional<Integer> maxBitrate, Optional<Integer> bitrate,
            String profile, Optional<Rate> rate, Optional<Gop> gop, boolean sceneChangeKeyframes) implements Codec {}

    /** VP9 at a VBR {@code bitrate} with an optional peak; {@code gop} in frames. */
    record Vp9(int bitrate, Optional<Integer> maxBitrate, Optional<Rate> rate, Optional<Gop> gop) implements Codec {}

    record Gif(Optional<Rate> rate) implements Codec {}

    /** The first frame, then one every 1/rate seconds, at most {@code maxCaptures}; JPEG {@code quality} 1 to 100. */
    record FrameCapture(Rate rate, int maxCaptures, int quality) implements Codec {}

    /** AAC, MP3, Opus or WAV (PCM of {@code bitDepth} bits; bitrate 0) of the input's default audio track. */
    record AudioSpec(String codec, int bitrate, int sampleRate, int channels, Optional<Integer> vbrQuality,
            int bitDepth) {}

    private static final Set<String> JOB_FIELDS = names("role", "settings", "queue", "userMetadata",
            "clientRequestToken", "priority", "statusUpdateInterval", "billingTagsSource", "accelerationSettings",
            "simulateReservedQueue", "tags");
    private static final Set<String> SETTINGS_FIELDS = names("inputs", "outputGroups", "timecodeConfig");
    private static final Set<String> INPUT_FIELDS = names("fileInput", "timecodeSource", "audioSelectors",
            "videoSelector", "imageInserter");
    private static final Set<String> IMAGE_FIELDS = names("imageInserterInput", "imageX", "imageY", "layer",
            "opacity", "width", "height");
    private static final Set<String> OUTPUT_FIELDS = names("containerSettings", "extension", "nameModifier",
            "videoDescription", "audioDescriptions");
    private static final Set<String> MP4_FIELDS = names("moovPlacement", "cslgAtom", "freeSpaceBox", "cttsVersion",
            "mp4MajorBrand", "audioDuration");
    private static final Set<String> VIDEO_FIELDS = names("width", "height", "scalingBehavior", "codecSettings",
            "videoPreprocessors", "antiAlias", "sharpness", "timecodeInsertion", "colorMetadata",
            "dropFrameTimecode", "respondToAfd", "afdSignaling");
    /** Fields honoured, plus encoder tuning that changes nothing a viewer of the local outputs would check. */
    private static final Set<String> H264_FIELDS = names("rateControlMode", "qvbrSettings", "maxBitrate", "bitrate",
            "qualityTuningLevel", "sceneChangeDetect", "codecProfile", "codecLevel", "framerateControl",
            "framerateNumerator", "framerateDenominator", "framerateConversionAlgorithm", "gopSize", "gopSizeUnits",
            "gopClosedCadence", "gopBReference", "numberBFramesBetweenReferenceFrames", "numberReferenceFrames",
            "interlaceMode", "syntax", "entropyEncoding", "hrdBufferSize", "hrdBufferInitialFillPercentage",
            "adaptiveQuantization", "spatialAdaptiveQuantization", "temporalAdaptiveQuantization",
            "flickerAdaptiveQuantization", "slices", "softness", "telecine", "minIInterval", "dynamicSubGop",
            "repeatPps", "unregisteredSeiTimecode", "parControl");
    private static final Set<String> VP9_FIELDS = names("rateControlMode", "bitrate", "maxBitrate", "hrdBufferSize",
            "qualityTuningLevel", "framerateControl", "framerateNumerator", "framerateDenominator",
            "framerateConversionAlgorithm", "gopSize", "parControl");
    private static final Set<String> FRAMERATE_CONVERSION = names("DUPLICATE_DROP", "INTERPOLATE");
    /**
     * MediaConvert's "You can have up to 150 inputs in a job" (user guide, "Setting up an assembly workflow job").
     */
    static final int MAX_INPUTS = 150;
    private static final int MAX_OUTPUT_GROUPS = 20;
    private static final int MAX_OUTPUTS = 50;

    /**
     * @throws InvalidJobException naming the path of the first setting the local MediaConvert cannot honour
     */
    static JobSpec parse(JsonNode body) {
        JsonPath job = JsonPath.root(body).object(JOB_FIELDS);
        String role = job.field("role").requiredText();
        Optional<String> queue = job.field("queue").text();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonPath> entry : job.field("userMetadata").entries()) {
            metadata.put(entry.getKey(), entry.getValue().required().text().orElseThrow());
        }
        Optional<String> token = job.field("clientRequestToken").text();
        int priority = job.field("priority").integer(-50, 50).orElse(0);
        job.field("statusUpdateInterval").text();
        job.field("billingTagsSource").choice(names("JOB", "QUEUE", "PRESET", "JOB_TEMPLATE"));
        job.field("accelerationSettings").optionalObject(names("mode"))
                .ifPresent(acceleration -> acceleration.field("mode").required().choice(names("DISABLED")));
        job.field("simulateReservedQueue").choice(names("DISABLED"));
        job.field("tags").entries().forEach(tag -> tag.getValue().text());

        JsonPath settings = job.field("settings").requiredObject(SETTINGS_FIELDS);
        settings.field("timecodeConfig").optionalObject(names("source"))
                .ifPresent(config -> config.field("source").choice(names("ZEROBASED", "EMBEDDED")));
        JsonPath inputsField = settings.field("inputs");
        if (inputsField.present() && inputsField.node().isArray() && inputsField.node().size() > MAX_INPUTS) {
            throw new InvalidJobException(inputsField.path() + ": " + inputsField.node().size()
                    + " inputs; a job has at most " + MAX_INPUTS + " (MediaConvert's limit)");
        }
        List<JsonPath> inputPaths = inputsField.array(1, MAX_INPUTS);
        List<InputSpec> inputs = new ArrayList<>();
        for (JsonPath input : inputPaths) {
            inputs.add(input(input));
        }
        List<GroupSpec> groups = new ArrayList<>();
        for (JsonPath group : settings.field("outputGroups").array(1, MAX_OUTPUT_GROUPS)) {
            groups.add(group(group, groups.size(), inputs));
        }
        checkWholeJob(settings, inputs.getFirst(), groups);
        return new JobSpec(role, queue, metadata, token, priority, List.copyOf(inputs), groups);
    }

    private static InputSpec input(JsonPath at) {
        at.object(INPUT_FIELDS);
        S3Location file = S3Location.parse(at.field("fileInput"), false);
        at.field("timecodeSource").choice(names("ZEROBASED", "EMBEDDED"));
        Set<String> selectors = new LinkedHashSet<>();
        for (Map.Entry<String, JsonPath> selector : at.field("audioSelectors").entries()) {
            selector.getValue().object(names("defaultSelection"))
                    .field("defaultSelection").choice(names("DEFAULT", "NOT_DEFAULT"));
            selectors.add(selector.getKey());
        }
        if (selectors.size() > 1) {
            throw new InvalidJobException(at.field("audioSelectors").path()
                    + ": more than one audio selector is not supported by the local MediaConvert");
        }
        at.field("videoSelector").optionalObject(Set.of());
        List<Overlay> overlays = imageInserter(at.field("imageInserter"));
        return new InputSpec(file, selectors, overlays);
    }

    private static List<Overlay> imageInserter(JsonPath at) {
        if (!at.present()) {
            return List.of();
        }
        at.object(names("insertableImages"));
        List<Overlay> overlays = new ArrayList<>();
        for (JsonPath image : at.field("insertableImages").array(1, 20)) {
            image.object(IMAGE_FIELDS);
            S3Location location = S3Location.parse(image.field("imageInserterInput"), false);
            String name = location.key().toLowerCase(Locale.ROOT);
            if (!(name.endsWith(".png") || name.endsWith(".tga") || name.endsWith(".bmp"))) {
                throw new InvalidJobException(image.field("imageInserterInput").path() + ": " + location.uri()
                        + " is not supported by the local MediaConvert (a .png, .tga or .bmp image is)");
            }
            overlays.add(new Overlay(location,
                    image.field("imageX").requiredInteger(0, Integer.MAX_VALUE),
                    image.field("imageY").requiredInteger(0, Integer.MAX_VALUE),
                    image.field("width").integer(1, Integer.MAX_VALUE),
                    image.field("height").integer(1, Integer.MAX_VALUE),
                    image.field("opacity").integer(0, 100).orElse(50),
                    image.field("layer").integer(0, 99).orElse(0)));
        }
        overlays.sort(Comparator.comparingInt(Overlay::layer));
        return List.copyOf(overlays);
    }

    private static GroupSpec group(JsonPath at, int index, List<InputSpec> inputs) {
        at.object(names("name", "customName", "outputGroupSettings", "outputs"));
        at.field("name").text();
        at.field("customName").text();
        JsonPath settings = at.field("outputGroupSettings").requiredObject(names("type", "fileGroupSettings"));
        settings.field("type").required().choice(names("FILE_GROUP_SETTINGS"));
        JsonPath file = settings.field("fileGroupSettings").requiredObject(names("destination"));
        S3Location destination = S3Location.parse(file.field("destination"), true);
        List<OutputSpec> outputs = new ArrayList<>();
        List<JsonPath> outputPaths = at.field("outputs").array(1, MAX_OUTPUTS);
        Map<String, Integer> modifiers = new HashMap<>();
        for (JsonPath output : outputPaths) {
            OutputSpec spec = output(output, index, outputs.size(), inputs);
            // MediaConvert's Output.nameModifier: "When you create multiple outputs in the same output group, Name
            // modifier is required"; and one group's outputs are told apart by it
            if (outputPaths.size() > 1 && spec.nameModifier().isEmpty()) {
                throw new InvalidJobException(output.field("nameModifier").path()
                        + ": a value is required when an output group has several outputs");
            }
            Integer same = modifiers.putIfAbsent(spec.nameModifier(), spec.index());
            if (same != null) {
                throw new InvalidJobException(output.field("nameModifier").path() + ": " + spec.nameModifier()
                        + " is the name modifier of output " + same + " of the group already");
            }
            outputs.add(spec);
        }
        return new GroupSpec(destination, outputs);
    }

    private static OutputSpec output(JsonPath at, int group, int index, List<InputSpec> inputs) {
        at.object(OUTPUT_FIELDS);
        JsonPath containerSettings = at.field("containerSettings").requiredObject(names("container", "mp4Settings"));
        JsonPath containerField = containerSettings.field("container");
        Container container = Container.valueOf(containerField.required()
                .choice(names("MP4", "MOV", "WEBM", "GIF", "RAW")).orElseThrow());
        boolean progressive = true;
        Optional<JsonPath> mp4 = containerSettings.field("mp4Settings").optionalObject(MP4_FIELDS);
        if (mp4.isPresent()) {
            if (container != Container.MP4) {
                throw containerSettings.field("mp4Settings").unsupported();
            }
            progressive = mp4.get().field("moovPlacement").choice(names("PROGRESSIVE_DOWNLOAD", "NORMAL"))
                    .map("PROGRESSIVE_DOWNLOAD"::equals).orElse(true);
        }
        String nameModifier = at.field("nameModifier").text().orElse("");
        if (nameModifier.contains("/")) {
            throw at.field("nameModifier").invalid("expected a name without /");
        }
        Optional<String> extension = at.field("extension").text();
        Optional<VideoSpec> video = at.field("videoDescription").present()
                ? Optional.of(video(at.field("videoDescription")))
                : Optional.empty();
        List<JsonPath> audioDescriptions = at.field("audioDescriptions").array(0, 1);
        Optional<AudioSpec> audio = audioDescriptions.isEmpty()
                ? Optional.empty()
                : Optional.of(audio(audioDescriptions.getFirst(), inputs));
        JsonPath codecPath = at.field("videoDescription").field("codecSettings").field("codec");
        JsonPath audioCodecPath = at.field("audioDescriptions").item(0).field("codecSettings").field("codec");
        Codec codec = video.map(VideoSpec::codec).orElse(null);
        String defaultExtension = switch (container) {
            case MP4, MOV -> {
                String name = container == Container.MP4 ? "an MP4" : "a MOV";
                if (codec != null && !(codec instanceof H264)) {
                    throw new InvalidJobException(codecPath.path() + ": " + codecPath.node().textValue()
                            + " in " + name + " container is not supported by the local MediaConvert");
                }
                if (audio.isPresent() && !audio.get().codec().equals("AAC")) {
                    throw new InvalidJobException(audioCodecPath.path() + ": " + audio.get().codec()
                            + " in " + name + " container is not supported by the local MediaConvert");
                }
                if (video.isEmpty() && audio.isEmpty()) {
                    throw new InvalidJobException(at.path() + ": an output needs a videoDescription or audioDescriptions");
                }
                yield container == Container.MP4 ? "mp4" : "mov";
            }
            case WEBM -> {
                if (!(codec instanceof Vp9)) {
                    throw new InvalidJobException((video.isEmpty() ? at.field("videoDescription") : codecPath).path()
                            + ": a WEBM output needs the VP9 video codec in the local MediaConvert");
                }
                if (audio.isPresent() && !audio.get().codec().equals("OPUS")) {
                    throw new InvalidJobException(audioCodecPath.path() + ": " + audio.get().codec()
                            + " in a WEBM container is not supported by the local MediaConvert (OPUS is)");
                }
                yield "webm";
            }
            case GIF -> {
                if (!(codec instanceof Gif)) {
                    throw new InvalidJobException((video.isEmpty() ? at.field("videoDescription") : codecPath).path()
                            + ": a GIF container needs the GIF video codec");
                }
                if (audio.isPresent()) {
                    throw new InvalidJobException(at.field("audioDescriptions").path()
                            + ": a GIF output has no sound");
                }
                yield "gif";
            }
            case RAW -> {
                if (codec instanceof FrameCapture && audio.isEmpty()) {
                    yield "jpg";
                }
                if (codec == null && audio.isPresent() && audio.get().codec().equals("MP3")) {
                    yield "mp3";
                }
                if (codec == null && audio.isPresent() && audio.get().codec().equals("WAV")) {
                    yield "wav";
                }
                if (codec != null && !(codec instanceof FrameCapture)) {
                    throw new InvalidJobException(codecPath.path() + ": " + codecPath.node().textValue()
                            + " in a RAW container is not supported by the local MediaConvert");
                }
                if (codec != null) {
                    throw new InvalidJobException(at.field("audioDescriptions").path()
                            + ": a frame capture output has no sound");
                }
                if (audio.isPresent()) {
                    throw new InvalidJobException(audioCodecPath.path() + ": " + audio.get().codec()
                            + " in a RAW container is not supported by the local MediaConvert");
                }
                throw new InvalidJobException(at.path() + ": a RAW output needs a videoDescription or audioDescriptions");
            }
        };
        if (codec instanceof FrameCapture && container != Container.RAW) {
            throw new InvalidJobException(containerField.path() + ": a frame capture output needs the RAW container");
        }
        String chosen = extension.orElse(defaultExtension);
        if (chosen.isBlank() || chosen.contains("/") || chosen.startsWith(".")) {
            throw at.field("extension").invalid("expected an extension like " + defaultExtension);
        }
        return new OutputSpec(group, index, container, nameModifier, chosen, progressive, video, audio);
    }

    private static VideoSpec video(JsonPath at) {
        at.object(VIDEO_FIELDS);
        Optional<Integer> width = at.field("width").integer(32, 8192);
        Optional<Integer> height = at.field("height").integer(32, 8192);
        Scaling scaling = Scaling.valueOf(at.field("scalingBehavior")
                .choice(names("DEFAULT", "STRETCH_TO_OUTPUT", "FIT", "FILL")).orElse("DEFAULT"));
        at.field("antiAlias").choice(names("ENABLED", "DISABLED"));
        at.field("sharpness").integer(0, 100);
        at.field("timecodeInsertion").choice(names("DISABLED"));
        at.field("colorMetadata").choice(names("INSERT", "IGNORE"));
        at.field("dropFrameTimecode").choice(names("ENABLED", "DISABLED"));
        at.field("respondToAfd").choice(names("NONE"));
        at.field("afdSignaling").choice(names("NONE"));
        List<Overlay> overlays = at.field("videoPreprocessors").optionalObject(names("imageInserter"))
                .map(preprocessors -> imageInserter(preprocessors.field("imageInserter")))
                .orElse(List.of());
        JsonPath settings = at.field("codecSettings")
                .requiredObject(names("codec", "h264Settings", "vp9Settings", "gifSettings", "frameCaptureSettings"));
        String codec = settings.field("codec").required().choice(names("H_264", "VP9", "GIF", "FRAME_CAPTURE"))
                .orElseThrow();
        String settingsName = switch (codec) {
            case "H_264" -> "h264Settings";
            case "VP9" -> "vp9Settings";
            case "GIF" -> "gifSettings";
            default -> "frameCaptureSettings";
        };
        for (String other : List.of("h264Settings", "vp9Settings", "gifSettings", "frameCaptureSettings")) {
            if (!other.equals(settingsName) && settings.field(other).present()) {
                throw settings.field(other).unsupported();
            }
        }
        JsonPath codecSettings = settings.field(settingsName);
        Codec parsed = switch (codec) {
            case "H_264" -> h264(codecSettings.requiredObject(H264_FIELDS));
            case "VP9" -> vp9(codecSettings.requiredObject(VP9_FIELDS));
            case "GIF" -> new Gif(rate(codecSettings.optionalObject(names("framerateControl", "framerateNumerator",
                    "framerateDenominator", "framerateConversionAlgorithm")).orElse(null)));
            default -> frameCapture(codecSettings.requiredObject(names("framerateNumerator", "framerateDenominator",
                    "maxCaptures", "quality")));
        };
        return new VideoSpec(width, height, scaling, parsed, overlays);
    }

    private static H264 h264(JsonPath at) {
        String mode = at.field("rateControlMode").choice(names("QVBR", "VBR", "CBR")).orElse("QVBR");
        Optional<JsonPath> qvbr = at.field("qvbrSettings")
                .optionalObject(names("qvbrQualityLevel", "qvbrQualityLevelFineTune", "maxAverageBitrate"));
        int level = qvbr.flatMap(settings -> settings.field("qvbrQualityLevel").integer(1, 10)).orElse(7);
        Optional<Integer> maxBitrate = at.field("maxBitrate").integer(1000, 1_152_000_000);
        Optional<Integer> bitrate = at.field("bitrate").integer(1000, 1_152_000_000);
        if (mode.equals("QVBR") && maxBitrate.isEmpty()) {
            throw new InvalidJobException(at.field("maxBitrate").path() + ": a value is required with QVBR");
        }
        if (!mode.equals("QVBR") && bitrate.isEmpty()) {
            throw new InvalidJobException(at.field("bitrate").path() + ": a value is required with " + mode);
        }
        String profile = at.field("codecProfile").choice(names("BASELINE", "MAIN", "HIGH")).orElse("MAIN");
        at.field("codecLevel").choice(names("AUTO"));
        at.field("interlaceMode").choice(names("PROGRESSIVE"));
        at.field("qualityTuningLevel").choice(names("SINGLE_PASS", "SINGLE_PASS_HQ", "MULTI_PASS_HQ"));
        boolean sceneChanges = !at.field("sceneChangeDetect").choice(names("DISABLED", "ENABLED", "TRANSITION_DETECTION"))
                .orElse("ENABLED").equals("DISABLED");
        at.field("telecine").choice(names("NONE"));
        at.field("parControl").choice(names("INITIALIZE_FROM_SOURCE"));
        String units = at.field("gopSizeUnits").choice(names("FRAMES", "SECONDS", "AUTO")).orElse("FRAMES");
        Optional<Double> gopSize = at.field("gopSize").number(0, 30_000);
        Optional<Gop> gop = units.equals("AUTO") ? Optional.empty()
                : gopSize.filter(size -> size > 0).map(size -> new Gop(size, units.equals("SECONDS")));
        return new H264(mode, level, maxBitrate, bitrate, profile.toLowerCase(Locale.ROOT), rate(at), gop,
                sceneChanges);
    }

    private static Vp9 vp9(JsonPath at) {
        at.field("rateControlMode").choice(names("VBR"));
        int bitrate = at.field("bitrate").requiredInteger(1000, 480_000_000);
        Optional<Integer> maxBitrate = at.field("maxBitrate").integer(1000, 480_000_000);
        at.field("hrdBufferSize").integer(0, 47_185_920);
        at.field("qualityTuningLevel").choice(names("MULTI_PASS", "MULTI_PASS_HQ"));
        at.field("parControl").choice(names("INITIALIZE_FROM_SOURCE"));
        Optional<Gop> gop = at.field("gopSize").number(0, 30_000).filter(size -> size > 0)
                .map(size -> new Gop(size, false));
        return new Vp9(bitrate, maxBitrate, rate(at), gop);
    }

    /** A codec's frame rate: absent, or INITIALIZE_FROM_SOURCE, follows the source. */
    private static Optional<Rate> rate(JsonPath at) {
        if (at == null) {
            return Optional.empty();
        }
        Optional<String> control = at.field("framerateControl").choice(names("INITIALIZE_FROM_SOURCE", "SPECIFIED"));
        at.field("framerateConversionAlgorithm").choice(FRAMERATE_CONVERSION);
        Optional<Integer> numerator = at.field("framerateNumerator").integer(1, Integer.MAX_VALUE);
        Optional<Integer> denominator = at.field("framerateDenominator").integer(1, Integer.MAX_VALUE);
        if (control.orElse("INITIALIZE_FROM_SOURCE").equals("INITIALIZE_FROM_SOURCE")) {
            return Optional.empty();
        }
        int top = numerator.orElseThrow(() -> new InvalidJobException(at.field("framerateNumerator").path()
                + ": a value is required with SPECIFIED"));
        int bottom = denominator.orElseThrow(() -> new InvalidJobException(at.field("framerateDenominator").path()
                + ": a value is required with SPECIFIED"));
        if ((double) top / bottom > 120) {
            throw new InvalidJobException(at.field("framerateNumerator").path() + ": " + top + "/" + bottom
                    + " frames per second is not supported by the local MediaConvert");
        }
        return Optional.of(new Rate(top, bottom));
    }

    private static FrameCapture frameCapture(JsonPath at) {
        Rate rate = new Rate(at.field("framerateNumerator").requiredInteger(1, Integer.MAX_VALUE),
                at.field("framerateDenominator").requiredInteger(1, Integer.MAX_VALUE));
        int maxCaptures = at.field("maxCaptures").integer(1, 10_000_000).orElse(10_000_000);
        int quality = at.field("quality").integer(1, 100).orElse(80);
        return new FrameCapture(rate, maxCaptures, quality);
    }

    private static AudioSpec audio(JsonPath at, List<InputSpec> inputs) {
        at.object(names("audioSourceName", "codecSettings", "audioTypeControl", "languageCodeControl"));
        String source = at.field("audioSourceName").text().orElse("Audio Selector 1");
        // the output's sound comes from each input in turn: every input needs the selector ("In each input, you
        // create audio selectors to map your input audio to your outputs", the assembly workflow guide)
        for (int n = 0; n < inputs.size(); n++) {
            if (!inputs.get(n).audioSelectors().contains(source)) {
                throw new InvalidJobException(at.field("audioSourceName").path() + ": " + source
                        + " is not an audio selector of " + (inputs.size() == 1 ? "the input" : "input " + n
                        + " (every input of the job needs the audio selectors its outputs read)"));
            }
        }
        at.field("audioTypeControl").choice(names("FOLLOW_INPUT", "USE_CONFIGURED"));
        at.field("languageCodeControl").choice(names("FOLLOW_INPUT", "USE_CONFIGURED"));
        JsonPath settings = at.field("codecSettings").requiredObject(names("codec", "aacSettings", "mp3Settings",
                "opusSettings", "wavSettings"));
        String codec = settings.field("codec").required().choice(names("AAC", "MP3", "OPUS", "WAV")).orElseThrow();
        String settingsName = codec.toLowerCase(Locale.ROOT) + "Settings";
        for (String other : List.of("aacSettings", "mp3Settings", "opusSettings", "wavSettings")) {
            if (!other.equals(settingsName) && settings.field(other).present()) {
                throw settings.field(other).unsupported();
            }
        }
        if (codec.equals("OPUS")) {
            JsonPath opus = settings.field(settingsName).optionalObject(names("bitrate", "channels", "sampleRate"))
                    .orElse(settings.field(settingsName));
            int sampleRate = opus.field("sampleRate").integer(16_000, 48_000).orElse(48_000);
            if (sampleRate != 16_000 && sampleRate != 24_000 && sampleRate != 48_000) {
                throw opus.field("sampleRate").invalid("expected 16000, 24000 or 48000");
            }
            return new AudioSpec("OPUS", opus.field("bitrate").integer(32_000, 192_000).orElse(96_000), sampleRate,
                    opus.field("channels").integer(1, 2).orElse(2), Optional.empty(), 0);
        }
        if (codec.equals("WAV")) {
            JsonPath wav = settings.field(settingsName).optionalObject(names("bitDepth", "channels", "sampleRate",
                    "format")).orElse(settings.field(settingsName));
            wav.field("format").choice(names("RIFF"));
            int bitDepth = wav.field("bitDepth").integer(16, 32).orElse(16);
            if (bitDepth != 16 && bitDepth != 24 && bitDepth != 32) {
                throw wav.field("bitDepth").invalid("expected 16, 24 or 32");
            }
            return new AudioSpec("WAV", 0, wav.field("sampleRate").integer(8000, 192_000).orElse(48_000),
                    wav.field("channels").integer(1, 8).orElse(2), Optional.empty(), bitDepth);
        }
        if (codec.equals("AAC")) {
            JsonPath aac = settings.field(settingsName).required().object(names("bitrate", "codingMode", "sampleRate",
                    "codecProfile", "rateControlMode", "specification", "rawFormat", "audioDescriptionBroadcasterMix"));
            String codingMode = aac.field("codingMode").choice(names("CODING_MODE_1_0", "CODING_MODE_2_0"))
                    .orElse("CODING_MODE_2_0");
            aac.field("codecProfile").choice(names("LC"));
            aac.field("rateControlMode").choice(names("CBR"));
            aac.field("specification").choice(names("MPEG4"));
            aac.field("rawFormat").choice(names("NONE"));
            aac.field("audioDescriptionBroadcasterMix").choice(names("NORMAL"));
            return new AudioSpec("AAC", aac.field("bitrate").integer(6000, 1_024_000).orElse(96_000),
                    aac.field("sampleRate").integer(8000, 96_000).orElse(48_000),
                    codingMode.equals("CODING_MODE_1_0") ? 1 : 2, Optional.empty(), 0);
        }
        JsonPath mp3 = settings.field(settingsName).required().object(names("bitrate", "channels", "rateControlMode",
                "sampleRate", "vbrQuality"));
        String mode = mp3.field("rateControlMode").choice(names("CBR", "VBR")).orElse("CBR");
        Optional<Integer> vbrQuality = mp3.field("vbrQuality").integer(0, 9);
        if (mode.equals("VBR") && vbrQuality.isEmpty()) {
            throw new InvalidJobException(mp3.field("vbrQuality").path() + ": a value is required with VBR");
        }
        return new AudioSpec("MP3", mp3.field("bitrate").integer(16_000, 320_000).orElse(192_000),
                mp3.field("sampleRate").integer(22_050, 48_000).orElse(48_000),
                mp3.field("channels").integer(1, 2).orElse(2), mode.equals("VBR") ? vbrQuality : Optional.empty(), 0);
    }

    /** What only shows across outputs: a job of frame captures alone, and two outputs writing one file. */
    private static void checkWholeJob(JsonPath settings, InputSpec input, List<GroupSpec> groups) {
        boolean regular = groups.stream().flatMap(group -> group.outputs().stream())
                .anyMatch(output -> !output.isFrameCapture());
        if (!regular) {
            throw new InvalidJobException(settings.field("outputGroups").path()
                    + ": a job needs an output other than frame captures");
        }
        Map<String, String> writers = new HashMap<>();
        for (GroupSpec group : groups) {
            for (OutputSpec output : group.outputs()) {
                String key = Destinations.key(group.destination(), input.file(), output, 0);
                String previous = writers.putIfAbsent(key, output.describe());
                if (previous != null) {
                    throw new InvalidJobException(settings.field("outputGroups").item(output.group())
                            .field("outputs").item(output.index()).path() + ": writes s3://"
                            + group.destination().bucket() + "/" + key + " as " + previous
                            + " does; give them different nameModifiers");
                }
            }
        }
    }
}
