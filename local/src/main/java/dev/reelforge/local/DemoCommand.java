package dev.reelforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.clock.LocalClock;
import dev.reelforge.local.webhooks.WebhookReceiver;
import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import dev.reelforge.media.BundledFfmpeg;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

/**
 * {@code reelforge demo}: renders a sample edit end to end - captions, a few clips, a luma wipe, a tweened
 * overlay, titles, transitions, an image with a motion effect, a soundtrack - on the running embedded stack of the
 * data directory, or on one it starts for the occasion, showing the render's progress and printing its URLs; then
 * polls the Serve API until the outputs are hosted. With {@code --callback}, a receiver on 127.0.0.1 takes the render's callbacks as well,
 * checks their signatures with the account's {@code webhookSecret} and prints each as it arrives (seed 000's
 * webhook workflow). With {@code --log-format text|json}, the log of the stack it starts goes to standard error
 * ({@link LogFormat}; json: one JSON object per line, as Lambda writes them, what libraries print there made
 * lines of the same shape), the narration staying on standard output. With {@code --ibm}, the IBM Video Streaming
 * workflow follows on the hosted video ({@link VideosDemo}): token, video, downloadable MP4 and FLV, expiration.
 * With {@code --picovico}, Picovico's workflow instead of the sample edit ({@link ProjectsDemo}): photos and music
 * uploaded, a project rendered in two styles at 720, its renditions saved and its public link followed.
 */
final class DemoCommand {

    private static final List<String> STEPS = List.of("queued", "fetching", "rendering", "saving", "done");

    private DemoCommand() {}

    static int run(CommandLine options) {
        return run(options, System.err);
    }

    /** @param logs where the log of the stack the demo starts goes, when {@code --log-format} asks for it */
    static int run(CommandLine options, PrintStream logs) {
        Path dataDirectory = options.dataDirectory();
        Optional<LogFormat> logFormat = options.option("log-format").map(LogFormat::parse);
        Environment environment = Environment.fromPathName(options.option("version").orElse("v1"))
                .orElseThrow(() -> new IllegalArgumentException("--version is stage or v1"));
        boolean callback = options.flag("callback");
        boolean ibm = options.flag("ibm");
        boolean picovico = options.flag("picovico");
        if (picovico && (ibm || callback)) {
            throw new IllegalArgumentException("--picovico runs on its own: not with --ibm or --callback");
        }
        Optional<DataDirectoryLock> free = DataDirectoryLock.tryAcquire(dataDirectory);
        if (free.isEmpty()) {
            LocalDescriptor running = LocalDescriptor.read(dataDirectory)
                    .orElseThrow(() -> new IllegalStateException("a stack holds " + dataDirectory + " but its local.json is unreadable"));
            System.out.println("using the embedded stack running at " + running.apiUrl()
                    + logFormat.map(format -> " (its log is where it runs)").orElse(""));
            if (picovico) {
                return new ProjectsDemo(running, environment, BundledFfmpeg.extractTo(dataDirectory.resolve("bin")),
                        dataDirectory).run();
            }
            return render(running, BundledFfmpeg.extractTo(dataDirectory.resolve("bin")), dataDirectory, environment,
                    LocalClock.open(dataDirectory), callback, ibm);
        }
        free.get().close();
        System.out.println("starting the embedded stack on " + dataDirectory.toAbsolutePath() + " ...");
        Consumer<String> log = logFormat.map(format -> format.printer(logs)).orElse(line -> {});
        PrintStream standardError = System.err;
        if (logFormat.equals(Optional.of(LogFormat.JSON))) {
            System.setErr(LogFormat.lineStream(log));
        }
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(options.template(), dataDirectory, 0, log))) {
            if (picovico) {
                return new ProjectsDemo(stack.descriptor(), environment, stack.ffmpeg(), dataDirectory).run();
            }
            return render(stack.descriptor(), stack.ffmpeg(), dataDirectory, environment, stack.clock(), callback,
                    ibm);
        } finally {
            System.setErr(standardError);
        }
    }

    /**
     * @param stackClock the stack's clock: callbacks' signatures and expiration times are dated by it
     * @param ibm        whether the IBM workflow ({@link VideosDemo}) follows on the hosted video
     */
    private static int render(LocalDescriptor stack, Path ffmpeg, Path dataDirectory, Environment environment,
            Clock stackClock, boolean callback, boolean ibm) {
        Path mediaDirectory = dataDirectory.resolve("demo-media");
        System.out.println("making sample media with ffmpeg in " + mediaDirectory.toAbsolutePath() + " ...");
        SampleMedia media = new SampleMedia(ffmpeg, mediaDirectory);
        media.video("clip-a.mp4", 1280, 720, 6, 330);
        media.quadrants("clip-b.mp4", 1280, 720, 6);
        media.image("still.png", "0x2a6fdb", 1280, 720);
        media.picture("badge.png", 7, 320, 320);
        media.lumaWipe("wipe.mp4", 1280, 720, 1);
        media.text("captions.srt", CAPTIONS);
        media.tone("soundtrack.mp3", 220, 30);
        try (LoopbackFileServer files = LoopbackFileServer.serve(mediaDirectory);
                WebhookReceiver receiver = callback ? receiver(stack, stackClock) : null) {
            String edit = receiver == null ? sampleEdit(files) : withCallback(sampleEdit(files), receiver);
            EditApiClient api = EditApiClient.of(stack, environment);
            String id = api.submit(edit);
            System.out.println("submitted render " + id + " to " + stack.apiUrl() + "/edit/" + environment.pathName());
            long started = System.nanoTime();
            JsonNode finished = api.awaitFinished(id, Duration.ofMinutes(10), Duration.ofMillis(200),
                    render -> progress(render.path("status").asText(), started));
            long doneAt = System.nanoTime();
            System.out.println();
            if (finished.path("status").asText().equals("failed")) {
                System.out.println("the render failed: " + finished.path("error").asText());
                return 1;
            }
            System.out.printf(Locale.ROOT, "done: %.2f s of video rendered in %.1f s%n",
                    finished.path("duration").asDouble(), finished.path("renderTime").asDouble() / 1000);
            Path copy = dataDirectory.resolve("demo-output").resolve(id + ".mp4");
            download(finished.path("url").asText(), copy);
            System.out.println("  video     " + finished.path("url").asText());
            System.out.println("  poster    " + finished.path("poster").asText());
            System.out.println("  thumbnail " + finished.path("thumbnail").asText());
            System.out.println("(temporary URLs, valid for 24 hours)");
            System.out.println("  saved as  " + copy.toAbsolutePath());
            JsonNode assets = api.awaitAssets(id, 3, Duration.ofMinutes(2), Duration.ofMillis(200));
            System.out.printf(Locale.ROOT, "hosted: %d assets copied to the CDN %.1f s after the render was done%n",
                    assets.size(), (System.nanoTime() - doneAt) / 1e9);
            for (JsonNode asset : assets) {
                JsonNode attributes = asset.path("attributes");
                System.out.printf(Locale.ROOT, "  %-7s %s%n", attributes.path("status").asText(),
                        attributes.path("url").asText(attributes.path("error").asText()));
            }
            System.out.println("(CDN URLs, served until deleted: DELETE /serve/" + environment.pathName()
                    + "/assets/{id} with the same key)");
            if (receiver != null) {
                awaitCallbacks(receiver, 1 + assets.size());
            }
            if (ibm) {
                JsonNode hostedVideo = StreamSupport.stream(assets.spliterator(), false)
                        .filter(asset -> asset.path("attributes").path("filename").asText().equals(id + ".mp4"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("the render's MP4 was not hosted"));
                return new VideosDemo(stack, environment, stackClock, dataDirectory.resolve("demo-output"))
                        .run(id, hostedVideo);
            }
            return 0;
        }
    }

    private static WebhookReceiver receiver(LocalDescriptor stack, Clock clock) {
        WebhookSecret secret = WebhookSecret.parse(stack.webhookSecret())
                .orElseThrow(() -> new IllegalStateException("local.json has no webhookSecret"));
        WebhookReceiver receiver = WebhookReceiver.start(List.of(secret), clock, callback -> {
            JsonNode body = Json.parseTrusted(callback.body());
            System.out.printf(Locale.ROOT, "  callback %-6s %-6s %-7s signature %s  webhook-id %s%n",
                    body.path("type").asText(), body.path("action").asText(), body.path("status").asText(),
                    callback.verification(), callback.webhookId());
        });
        System.out.println("receiving callbacks at " + receiver.url() + " (signed with local.json's webhookSecret)");
        return receiver;
    }

    private static String withCallback(String edit, WebhookReceiver receiver) {
        return edit.replaceFirst("\\{", "{\n  \"callback\": \"" + receiver.url() + "\",");
    }

    /** Waits for the render's callback and one per asset; they may well have arrived already. */
    private static void awaitCallbacks(WebhookReceiver receiver, int expected) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (receiver.received().size() < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        long verified = receiver.received().stream().filter(WebhookReceiver.Received::verified).count();
        System.out.printf(Locale.ROOT, "callbacks: %d received, %d with a valid signature (expected %d)%n",
                receiver.received().size(), verified, expected);
    }

    private static void download(String url, Path target) {
        try {
            Files.createDirectories(target.getParent());
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .build(), HttpResponse.BodyHandlers.ofFile(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void progress(String status, long started) {
        int step = Math.max(0, STEPS.indexOf(status));
        int width = 30;
        int filled = status.equals("failed") ? width : width * step / (STEPS.size() - 1);
        System.out.printf(Locale.ROOT, "\r[%s%s] %-9s %5.1f s", "#".repeat(filled), ".".repeat(width - filled), status,
                (System.nanoTime() - started) / 1e9);
        System.out.flush();
    }

    /** The demo's captions, burned in from an SRT file. */
    static final String CAPTIONS = """
            1
            00:00:00,600 --> 00:00:03,400
            Shotstack's edit JSON, rendered by Reelforge

            2
            00:00:04,000 --> 00:00:05,200
            a luma matte wipes the second clip in

            3
            00:00:05,600 --> 00:00:08,600
            a badge slides and fades in: tweened offset and opacity
            """;

    /**
     * Captions from an SRT file, two clips, the second wiped in over the first by a luma matte, a badge sliding and fading in (tweened offset
     * and opacity), titles, an image zooming in, music under it all.
     */
    static String sampleEdit(LoopbackFileServer files) {
        Map<String, String> sources = Map.of(
                "CLIP_A", files.url("clip-a.mp4").toString(),
                "CLIP_B", files.url("clip-b.mp4").toString(),
                "STILL", files.url("still.png").toString(),
                "BADGE", files.url("badge.png").toString(),
                "WIPE", files.url("wipe.mp4").toString(),
                "CAPTIONS", files.url("captions.srt").toString(),
                "MUSIC", files.url("soundtrack.mp3").toString());
        String edit = """
                {
                  "timeline": {
                    "soundtrack": {"src": "MUSIC", "effect": "fadeInFadeOut", "volume": 0.4},
                    "background": "#000000",
                    "tracks": [
                      {"clips": [
                        {"asset": {"type": "caption", "src": "CAPTIONS", "font": {"size": 30},
                                   "background": {"color": "#000000", "opacity": 0.6, "padding": 10,
                                                  "borderRadius": 8}},
                         "start": 0, "length": 9}
                      ]},
                      {"clips": [
                        {"asset": {"type": "title", "text": "Reelforge", "style": "blockbuster", "size": "large"},
                         "start": 0.5, "length": 3, "transition": {"in": "fade", "out": "fade"}},
                        {"asset": {"type": "title", "text": "rendered on one machine", "style": "subtitle"},
                         "start": 9, "length": 4, "transition": {"in": "slideUp", "out": "fade"}}
                      ]},
                      {"clips": [
                        {"asset": {"type": "image", "src": "BADGE"}, "start": 5.5, "length": 3.5, "scale": 0.25,
                         "position": "topRight",
                         "offset": {"x": [{"from": 0.4, "to": -0.04, "start": 0, "length": 1.2,
                                           "interpolation": "bezier", "easing": "easeOutBack"}], "y": -0.05},
                         "opacity": [{"from": 0, "to": 1, "start": 0, "length": 0.8}],
                         "transition": {"out": "fade"}}
                      ]},
                      {"clips": [
                        {"asset": {"type": "luma", "src": "WIPE"}, "start": 4, "length": 1},
                        {"asset": {"type": "video", "src": "CLIP_B", "trim": 1}, "start": 4,
                         "length": 5, "transition": {"out": "fade"}, "filter": "boost"}
                      ]},
                      {"clips": [
                        {"asset": {"type": "video", "src": "CLIP_A", "volume": 0.6}, "start": 0, "length": 5},
                        {"asset": {"type": "image", "src": "STILL"}, "start": 9, "length": 4,
                         "effect": "zoomIn", "transition": {"in": "fade", "out": "fadeSlow"}}
                      ]}
                    ]
                  },
                  "output": {"format": "mp4", "resolution": "hd", "poster": {"capture": 2},
                             "thumbnail": {"capture": 6, "scale": 0.25}}
                }
                """;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            edit = edit.replace("\"" + source.getKey() + "\"", "\"" + source.getValue() + "\"");
        }
        return edit;
    }
}
