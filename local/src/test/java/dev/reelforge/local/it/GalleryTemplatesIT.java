package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.local.contract.ShotstackContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shotstack's own published template edits (its template gallery, the repository {@code shotstack/shotstack-templates})
 * render with their media swapped for local files, as a user moving over would try them.
 *
 * <p>The templates are not part of this repository (their licence is unclear for a competing product): the test
 * reads them from the directory the system property {@value #DIRECTORY_PROPERTY} names, laid out as that
 * repository is ({@code <slug>/template.json}), with an optional {@code index.txt} of the slugs to run (else every
 * folder). Without the property the test is skipped. Run it as
 * {@code mvn -B verify -pl local -am -Dit.test=GalleryTemplatesIT -Dreelforge.gallery=/path/to/shotstack-templates/templates}.
 *
 * <p>Each template is submitted as published, merge defaults included, with two changes only: every remote URL
 * (in the edit and in its merge defaults) points at a local file of the same kind, with the remote file's own name,
 * on the loopback media host, and the output is made small (long side at most {@value #LONG_SIDE} px, aspect kept; {@code resolution}
 * becomes {@code preview}) and, past {@value #CAP_SECONDS} s, cut to its first {@value #CAP_SECONDS} s with
 * {@code output.range}, to keep the suite's time bounded. The swapped media: videos are a 12 s test pattern with a
 * tone (WebM as VP8, MOV and MP4 as H.264), images a gradient picture, sounds a 12 s tone, luma sources a
 * left-to-right black-to-white ramp (still or moving), fonts ({@code timeline.fonts}) a Liberation TTF (renamed to the
 * family its real file has when {@code fonts.txt} in the directory says it), subtitles a
 * two-cue SRT. Font families named by the templates are kept as they are: a family named after its font file (the
 * templates' fonts.gstatic.com ones) still finds its stand-in; one named by the font's internal name does not, nor does
 * one of Shotstack's built-in families.
 *
 * <p>The request goes through the contract-checking client when Shotstack's vendored contract allows it; when the
 * contract refuses a request the real service accepts (newer assets, {@code "background": "transparent"}), it goes
 * through a plain HTTP client and the case says so. The render must be done, with a video stream at the requested
 * size and the edit's length.
 */
class GalleryTemplatesIT {

    static final String DIRECTORY_PROPERTY = "reelforge.gallery";
    private static final int LONG_SIDE = 512;
    private static final double CAP_SECONDS = 15;
    private static final double MEDIA_SECONDS = 12;
    private static final Duration RENDER_TIMEOUT = Duration.ofMinutes(5);
    private static final Set<String> VIDEO = Set.of("mp4", "webm", "mov", "m4v");
    private static final Set<String> IMAGE = Set.of("jpg", "jpeg", "png", "webp", "gif", "bmp");
    private static final Set<String> AUDIO = Set.of("mp3", "wav", "m4a", "aac", "ogg");
    private static final Set<String> FONT = Set.of("ttf", "otf");
    private static final Set<String> SUBTITLES = Set.of("srt", "vtt");

    private static RenderTestStack stack;
    private static RenderPlayback playback;
    private static Path mediaDirectory;
    private static URI mediaHost;
    /** Each template's outcome, in the order run: "rendered", or why not (the first error). */
    private static final Map<String, String> OUTCOMES = new LinkedHashMap<>();

    @BeforeAll
    static void startStack() {
        Assumptions.assumeFalse(System.getProperty(DIRECTORY_PROPERTY, "").isBlank(), "no -D" + DIRECTORY_PROPERTY
                + "=DIR: the gallery's templates are not part of this repository");
        stack = RenderTestStack.start();
        playback = stack.playback();
        // SampleMedia writes into the media host's directory; ask it for one file to learn where that is.
        Path probe = stack.media().image("gallery-probe.png", "0x808080", 16, 16);
        mediaDirectory = probe.getParent();
        mediaHost = URI.create(stack.url(probe)).resolve("/");
    }

    /** Writes which templates rendered and the first error of each that did not to target/gallery-report.md. */
    @AfterAll
    static void report() throws IOException {
        if (OUTCOMES.isEmpty()) {
            return;
        }
        long rendered = OUTCOMES.values().stream().filter("rendered"::equals).count();
        StringBuilder report = new StringBuilder("# GalleryTemplatesIT: " + rendered + " of " + OUTCOMES.size()
                + " templates rendered\n\n| template | outcome |\n|---|---|\n");
        OUTCOMES.forEach((slug, outcome) -> report.append("| ").append(slug).append(" | ")
                .append(outcome.replace("|", "\\|").replace("\n", " ")).append(" |\n"));
        Path file = Path.of("target", "gallery-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println(report);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** The templates to run, by slug: those of {@code index.txt}, else every folder with a template.json. */
    static Stream<String> templates() throws IOException {
        Path directory = directory();
        Path index = directory.resolve("index.txt");
        if (Files.isRegularFile(index)) {
            return Files.readAllLines(index, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList().stream();
        }
        try (Stream<Path> folders = Files.list(directory)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("template.json")))
                    .map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Path directory() {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void aPublishedTemplateRendersWithItsMediaSwappedForLocalFiles(String slug) throws IOException {
        try {
            render(slug);
            OUTCOMES.put(slug, "rendered");
        } catch (AssertionError | RuntimeException | IOException e) {
            OUTCOMES.putIfAbsent(slug, "failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            throw e;
        }
    }

    private static void render(String slug) throws IOException {
        JsonNode published;
        try (InputStream in = Files.newInputStream(directory().resolve(slug).resolve("template.json"))) {
            published = Json.MAPPER.readTree(in);
        }
        ObjectNode edit = (ObjectNode) published.deepCopy();
        swapRemoteMedia(slug, edit, null, new HashMap<>());
        double length = smallerOutput(edit);
        String body = Json.write(edit);

        List<String> contractObjections = ShotstackContract.requestViolations(new ShotstackContract.Exchange("POST",
                "/edit/v1/render", Map.of(), Map.of("Content-Type", "application/json", "x-api-key",
                stack.key(Environment.V1)), Json.write(MergeFields.apply(edit)), 0, Map.of(), null));
        Submitted submitted = contractObjections.isEmpty() ? submitJudged(body) : submitPlain(body);
        if (submitted.status() != 201) {
            OUTCOMES.put(slug, "refused " + submitted.status() + ": "
                    + submitted.body().path("response").asText(Json.write(submitted.body())));
        }
        assertThat(submitted.status()).as("%s: submit answered %s%s", slug, submitted.body(),
                contractObjections.isEmpty() ? "" : " (sent without the contract judge, whose vendored contract "
                        + "objects: " + String.join("; ", contractObjections.subList(0,
                        Math.min(3, contractObjections.size()))) + (contractObjections.size() > 3 ? "; ..." : "")
                        + ")").isEqualTo(201);

        JsonNode render = awaitFinished(submitted.body().path("response").path("id").asText());
        if (!render.path("status").asText().equals("done")) {
            OUTCOMES.put(slug, "render failed: " + render.path("error").asText("") + stackWords());
        }
        assertThat(render.path("status").asText()).as("%s: render ended %s: %s", slug,
                render.path("status").asText(), render.path("error").asText("")).isEqualTo("done");
        Path output = stack.download(render.path("url").asText(), "mp4");
        MediaInfo info = playback.probe(output);
        MediaInfo.VideoStream video = info.video().orElseThrow(() -> new AssertionError(slug + ": no video stream"));
        JsonNode size = edit.path("output").path("size");
        if (size.isObject()) { // a preview resolution's size by aspect ratio is RenderFormatsIT's business
            assertThat(video.width()).as("%s: width", slug).isEqualTo(size.path("width").asInt());
            assertThat(video.height()).as("%s: height", slug).isEqualTo(size.path("height").asInt());
        }
        if (length > 0) {
            assertThat(playback.duration(output)).as("%s: duration", slug).isCloseTo(length, within(0.3));
        }
    }

    private record Submitted(int status, JsonNode body) {}

    /**
     * What the stack logged about the last failed render: the worker's error message (for ffmpeg, what ffmpeg said),
     * which the render's error leaves out as internal; empty when there is none.
     */
    private static String stackWords() {
        List<String> lines = stack.lastLogLines(300);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains("\"errorMessage\"")) {
                String message;
                try {
                    message = Json.MAPPER.readTree(lines.get(i)).path("errorMessage").asText();
                } catch (IOException e) {
                    message = lines.get(i);
                }
                int said = message.indexOf("ffmpeg said:");
                String cause = (said >= 0 ? message.substring(said) : message).strip().replace('\n', ' ');
                return " (" + cause.substring(0, Math.min(500, cause.length())) + ")";
            }
        }
        return "";
    }

    private static Submitted submitJudged(String body) {
        var response = stack.api().post("/edit/v1/render", stack.key(Environment.V1), body);
        return new Submitted(response.status(), response.body());
    }

    /** For a request the vendored contract refuses but the real service accepts: no judge. */
    private static Submitted submitPlain(String body) throws IOException {
        HttpResponse<String> response = PlainHttp.postJson(stack.stack().apiUrl().resolve("/edit/v1/render"),
                stack.key(Environment.V1), body);
        return new Submitted(response.statusCode(), response.body().isEmpty() ? Json.object()
                : Json.MAPPER.readTree(response.body()));
    }

    /** Like {@link RenderTestStack#awaitFinished}, with room for a template's many layers on shared cores. */
    private static JsonNode awaitFinished(String id) {
        Instant deadline = Instant.now().plus(RENDER_TIMEOUT);
        while (true) {
            JsonNode render = stack.status(Environment.V1, id);
            String status = render.path("status").asText();
            if (status.equals("done") || status.equals("failed")) {
                return render;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("render " + id + " is still " + status + " after "
                        + RENDER_TIMEOUT.toMinutes() + " min; the stack's last words: " + stack.lastLogLines(30));
            }
            RenderTestStack.sleep(Duration.ofMillis(250));
        }
    }

    /**
     * Replaces every http(s) URL of the tree with a local file of the same kind and extension; a luma asset's source
     * becomes a ramp. {@code assetType} is the type of the asset being walked, if any.
     */
    private static void swapRemoteMedia(String slug, JsonNode node, String assetType, Map<String, String> swapped) {
        if (node instanceof ObjectNode object) {
            String type = object.path("type").isTextual() ? object.path("type").asText() : assetType;
            List<Map.Entry<String, JsonNode>> entries = List.copyOf(object.properties());
            for (Map.Entry<String, JsonNode> field : entries) {
                if (field.getValue().isTextual() && isRemote(field.getValue().asText())) {
                    object.set(field.getKey(), TextNode.valueOf(local(slug, field.getValue().asText(),
                            "luma".equals(type), swapped)));
                } else {
                    swapRemoteMedia(slug, field.getValue(), type, swapped);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual() && isRemote(element.asText())) {
                    array.set(i, TextNode.valueOf(local(slug, element.asText(), false, swapped)));
                } else {
                    swapRemoteMedia(slug, element, assetType, swapped);
                }
            }
        }
    }

    private static boolean isRemote(String value) {
        return value.startsWith("https://") || value.startsWith("http://");
    }

    /**
     * The URL of a local stand-in for {@code url}, under {@code <slug>/<n>/} with the remote file's own name (a font
     * family may be named after its file, as the templates' fonts.gstatic.com ones are).
     */
    private static String local(String slug, String url, boolean luma, Map<String, String> swapped) {
        return swapped.computeIfAbsent(url, remote -> {
            String path = URI.create(remote).getPath();
            String name = slug + "/" + (swapped.size() + 1) + "/" + path.substring(path.lastIndexOf('/') + 1);
            Path made = make(name, extension(remote), luma, swapped.size());
            String family = fontFamilies().get(remote);
            if (family != null) {
                renameFamily(made, family);
            }
            return mediaHost.resolve(name).toString();
        });
    }

    private static String extension(String url) {
        String path = URI.create(url).getPath();
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (VIDEO.contains(extension) || IMAGE.contains(extension) || AUDIO.contains(extension)
                || FONT.contains(extension) || SUBTITLES.contains(extension)) {
            return extension;
        }
        throw new AssertionError("no local stand-in for " + url + " (extension '" + extension + "')");
    }

    private static Path make(String name, String extension, boolean luma, int seed) {
        String seconds = String.valueOf(MEDIA_SECONDS);
        if (luma) {
            String ramp = "gradients=s=320x180:c0=black:c1=white:x0=0:y0=90:x1=319:y1=90:nb_colors=2";
            return VIDEO.contains(extension)
                    ? stack.media().ffmpeg(name, "-f", "lavfi", "-i", ramp + ":r=25:d=" + seconds,
                            "-vf", "format=gray,format=yuv420p",
                            "-c:v", "libx264", "-preset", "veryfast")
                    : stack.media().ffmpeg(name, "-f", "lavfi", "-i", ramp, "-vf", "format=gray", "-frames:v", "1");
        }
        if (VIDEO.contains(extension)) {
            List<String> codec = extension.equals("webm") ? List.of("-c:v", "libvpx", "-deadline", "realtime",
                    "-b:v", "300k", "-c:a", "libvorbis") : List.of("-c:v", "libx264", "-preset", "veryfast",
                    "-pix_fmt", "yuv420p", "-c:a", "aac");
            List<String> arguments = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=" + seconds,
                    "-f", "lavfi", "-i", "sine=f=440:d=" + seconds + ":sample_rate=48000"));
            arguments.addAll(codec);
            arguments.add("-shortest");
            return stack.media().ffmpeg(name, arguments.toArray(String[]::new));
        }
        if (IMAGE.contains(extension)) {
            return stack.media().ffmpeg(name, "-f", "lavfi", "-i", "gradients=s=320x240:seed=" + (seed + 1) + ":n=4",
                    "-frames:v", "1");
        }
        if (AUDIO.contains(extension)) {
            return stack.media().ffmpeg(name, "-f", "lavfi", "-i", "sine=f=330:d=" + seconds + ":sample_rate=44100");
        }
        if (FONT.contains(extension)) {
            return copyFont(name);
        }
        return write(name, "1\n00:00:00,000 --> 00:00:02,000\nA first caption\n\n"
                + "2\n00:00:02,000 --> 00:00:04,000\nA second caption\n");
    }

    private static Path copyFont(String name) {
        try (InputStream font = GalleryTemplatesIT.class.getClassLoader()
                .getResourceAsStream("liberation/LiberationSans-Bold.ttf")) {
            assertThat(font).as("Liberation Sans Bold on the test classpath").isNotNull();
            Path target = mediaDirectory.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(font, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The family each remote font's own name table gives it, from {@code fonts.txt} in the templates' directory
     * (lines of URL, a tab, the family), when it has one: the stand-in (Liberation Sans Bold) is renamed to it, as
     * the real file would be named. Without it, a template naming a font by its family fails on the stand-in's.
     */
    private static Map<String, String> fontFamilies() {
        Path list = directory().resolve("fonts.txt");
        Map<String, String> families = new HashMap<>();
        try {
            if (Files.isRegularFile(list)) {
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0 && !line.startsWith("#")) {
                        families.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
                    }
                }
            }
            return families;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renames "Liberation Sans" to {@code family} in every string of the font's name table: a new name table is
     * appended to the file and the table directory pointed at it, so the family may be of any length.
     */
    private static void renameFamily(Path font, String family) {
        try {
            byte[] bytes = Files.readAllBytes(font);
            ByteBuffer file = ByteBuffer.wrap(bytes);
            int entry = -1;
            for (int i = 0; i < (file.getShort(4) & 0xFFFF); i++) {
                if (file.getInt(12 + 16 * i) == 0x6E616D65) { // 'name'
                    entry = 12 + 16 * i;
                }
            }
            assertThat(entry).as("a name table in the stand-in font").isNotNegative();
            int table = file.getInt(entry + 8);
            assertThat(file.getShort(table)).as("name table format 0").isZero();
            int count = file.getShort(table + 2) & 0xFFFF;
            int storage = table + (file.getShort(table + 4) & 0xFFFF);
            ByteBuffer records = ByteBuffer.allocate(6 + 12 * count);
            records.putShort((short) 0).putShort((short) count).putShort((short) (6 + 12 * count));
            ByteArrayOutputStream strings = new ByteArrayOutputStream();
            for (int r = 0; r < count; r++) {
                int record = table + 6 + 12 * r;
                Charset charset = file.getShort(record) == 1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16BE;
                String text = new String(bytes, storage + (file.getShort(record + 10) & 0xFFFF),
                        file.getShort(record + 8) & 0xFFFF, charset).replace("Liberation Sans", family);
                byte[] encoded = text.getBytes(charset);
                records.put(bytes, record, 8).putShort((short) encoded.length).putShort((short) strings.size());
                strings.write(encoded);
            }
            ByteArrayOutputStream renamed = new ByteArrayOutputStream();
            renamed.write(bytes);
            renamed.write(new byte[(4 - bytes.length % 4) % 4]);
            int newTable = renamed.size();
            renamed.write(records.array());
            renamed.write(strings.toByteArray());
            int newLength = renamed.size() - newTable;
            renamed.write(new byte[(4 - renamed.size() % 4) % 4]);
            ByteBuffer out = ByteBuffer.wrap(renamed.toByteArray());
            int checksum = 0;
            for (int at = newTable; at < newTable + newLength; at += 4) {
                checksum += out.getInt(at);
            }
            out.putInt(entry + 4, checksum).putInt(entry + 8, newTable).putInt(entry + 12, newLength);
            Files.write(font, out.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, String text) {
        try {
            Path target = mediaDirectory.resolve(name);
            Files.createDirectories(target.getParent());
            return Files.writeString(target, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the output small (long side {@value #LONG_SIDE} px, even sides, aspect kept; a {@code resolution} becomes
     * {@code preview}) and caps it at {@value #CAP_SECONDS} s; returns the length the output must have, 0 when the
     * edit's length depends on what this test cannot tell.
     */
    private static double smallerOutput(ObjectNode edit) {
        ObjectNode output = (ObjectNode) edit.path("output");
        if (output.path("size").isObject()) {
            ObjectNode size = (ObjectNode) output.path("size");
            double width = size.path("width").asDouble();
            double height = size.path("height").asDouble();
            double factor = Math.min(1, LONG_SIDE / Math.max(width, height));
            size.put("width", (int) Math.round(width * factor / 2) * 2);
            size.put("height", (int) Math.round(height * factor / 2) * 2);
        } else {
            output.put("resolution", "preview");
        }
        double length = timelineLength(MergeFields.apply(edit));
        if (length > CAP_SECONDS) {
            output.putObject("range").put("start", 0).put("length", CAP_SECONDS);
            return CAP_SECONDS;
        }
        return length;
    }

    /**
     * The timeline's end: the latest end of its clips, where {@code start} is a number or {@code auto} and
     * {@code length} a number or {@code auto} (a swapped video or sound: {@value #MEDIA_SECONDS} s less its trim, by its
     * speed); clips whose length is {@code end} reach it. 0 when a length cannot be told.
     */
    private static double timelineLength(JsonNode edit) {
        double end = 0;
        for (JsonNode track : edit.path("timeline").path("tracks")) {
            double previousEnd = 0;
            for (JsonNode clip : track.path("clips")) {
                double start = clip.path("start").isNumber() ? clip.path("start").asDouble() : previousEnd;
                JsonNode length = clip.path("length");
                double clipLength;
                if (length.isNumber()) {
                    clipLength = length.asDouble();
                } else if (length.asText().equals("auto")) {
                    JsonNode asset = clip.path("asset");
                    String type = asset.path("type").asText();
                    if (!type.equals("video") && !type.equals("audio")) {
                        return 0;
                    }
                    clipLength = (MEDIA_SECONDS - asset.path("trim").asDouble(0)) / asset.path("speed").asDouble(1);
                } else if (length.asText().equals("end")) {
                    clipLength = 0;
                } else {
                    return 0;
                }
                previousEnd = start + clipLength;
                end = Math.max(end, previousEnd);
            }
        }
        return end;
    }

}
