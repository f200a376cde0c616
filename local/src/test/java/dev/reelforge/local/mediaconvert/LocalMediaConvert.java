package dev.reelforge.local.mediaconvert;

import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.services.S3ProxyServer;
import dev.reelforge.media.BundledFfmpeg;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local MediaConvert of the tests, with what it works against: S3Proxy on a temporary directory
 * (buckets {@value #WORK_BUCKET}, {@value #OUTPUT_BUCKET}, {@value #ASSETS_BUCKET}), the bundled ffmpeg, an
 * {@link EventLog} as the event sink, and the real SDK client pointed at the emulator.
 */
final class LocalMediaConvert implements AutoCloseable {

    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final String WORK_BUCKET = "work";
    static final String OUTPUT_BUCKET = "renders";
    static final String ASSETS_BUCKET = "assets";
    static final String WATERMARK = "s3://" + ASSETS_BUCKET + "/assets/watermark.png";
    static final int WATERMARK_WIDTH = 200;
    static final int WATERMARK_HEIGHT = 50;

    final Path directory;
    final Path ffmpeg;
    final S3ProxyServer s3Server;
    final S3Client s3;
    final EventLog events = new EventLog();
    final MediaConvertEmulator emulator;
    final MediaConvertClient mediaConvert;

    private LocalMediaConvert(Path directory, Path ffmpeg, S3ProxyServer s3Server, Consumer<String> sink) {
        this.directory = directory;
        this.ffmpeg = ffmpeg;
        this.s3Server = s3Server;
        this.s3 = LocalClients.s3(s3Server.endpoint());
        this.emulator = MediaConvertEmulator.start(ffmpeg, s3, directory.resolve("mediaconvert"), ACCOUNT, REGION,
                sink == null ? events : sink);
        this.mediaConvert = client(emulator);
    }

    static LocalMediaConvert start() {
        return start(null);
    }

    /** As {@link #start()}, the emulator's events going to {@code sink} instead of {@link #events}. */
    static LocalMediaConvert start(Consumer<String> sink) {
        try {
            Path directory = Files.createTempDirectory("reelforge-mediaconvert-");
            Path ffmpeg = ffmpeg();
            S3ProxyServer s3Server = S3ProxyServer.start(directory.resolve("s3"), LocalCredentials.ACCESS_KEY_ID,
                    LocalCredentials.SECRET_ACCESS_KEY);
            LocalMediaConvert local = new LocalMediaConvert(directory, ffmpeg, s3Server, sink);
            for (String bucket : List.of(WORK_BUCKET, OUTPUT_BUCKET, ASSETS_BUCKET)) {
                local.s3.createBucket(create -> create.bucket(bucket));
            }
            local.s3.putObject(put -> put.bucket(ASSETS_BUCKET).key("assets/watermark.png").contentType("image/png"),
                    RequestBody.fromBytes(watermarkPng()));
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled ffmpeg, extracted once into the build directory. */
    static Path ffmpeg() {
        return BundledFfmpeg.extractTo(Path.of("target", "test-ffmpeg").toAbsolutePath());
    }

    /**
     * Another emulator on the jobs directory and the S3 of this one, as the stack starts one after a restart
     * (close {@link #emulator} first); the caller closes it.
     */
    MediaConvertEmulator restart(Consumer<String> sink) {
        return MediaConvertEmulator.start(ffmpeg, s3, directory.resolve("mediaconvert"), ACCOUNT, REGION, sink);
    }

    /** The SDK client as a function would build it, pointed at the emulator. */
    static MediaConvertClient client(MediaConvertEmulator emulator) {
        return MediaConvertClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(LocalCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** An opaque red bar: where it is drawn, no pixel of testsrc2 survives at half opacity. */
    private static byte[] watermarkPng() throws IOException {
        BufferedImage image = new BufferedImage(WATERMARK_WIDTH, WATERMARK_HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, WATERMARK_WIDTH, WATERMARK_HEIGHT);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /**
     * A test intermediate: testsrc2 (which moves from frame to frame) with a sine tone, or without sound.
     *
     * @return its location in the work bucket
     */
    String uploadIntermediate(String key, int width, int height, double seconds, boolean sound) {
        Path file = directory.resolve("source-" + key.replace('/', '-'));
        List<String> arguments = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=25:duration=" + seconds));
        if (sound) {
            arguments.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds));
        }
        arguments.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-crf", "12", "-pix_fmt", "yuv420p"));
        if (sound) {
            arguments.addAll(List.of("-c:a", "aac", "-b:a", "192k"));
        }
        arguments.addAll(List.of("-f", "mp4", file.toString()));
        String stderr = ffmpeg(arguments);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("ffmpeg did not make the test intermediate: " + stderr);
        }
        s3.putObject(put -> put.bucket(WORK_BUCKET).key(key), RequestBody.fromFile(file));
        return "s3://" + WORK_BUCKET + "/" + key;
    }

    /**
     * A chunk as the pipeline's composer writes it: testsrc2 at 25 fps with a continuous 440 Hz tone, H.264 (x264
     * ultrafast, CRF 20, yuv420p) and PCM s16le 48 kHz stereo in MOV, the sound exactly as long as the pictures.
     *
     * @return its location in the work bucket
     */
    String uploadChunk(String key, int width, int height, double seconds) {
        return uploadChunk(key, width, height, "25", (int) Math.round(seconds * 25), Math.round(seconds * 48_000));
    }

    /**
     * As {@link #uploadChunk(String, int, int, double)}, {@code frames} pictures at {@code rate} (an ffmpeg rate,
     * "30000/1001") and {@code samples} of sound, as a composer cutting a timeline on the sample grid would make them.
     */
    String uploadChunk(String key, int width, int height, String rate, int frames, long samples) {
        Path file = directory.resolve("chunk-" + key.replace('/', '-'));
        String stderr = ffmpeg(List.of("-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=" + rate,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-vf", "trim=end_frame=" + frames, "-af", "atrim=end_sample=" + samples,
                "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", "-pix_fmt", "yuv420p",
                "-c:a", "pcm_s16le", "-ar", "48000", "-ac", "2", "-f", "mov", "file:" + file));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("ffmpeg did not make the test chunk: " + stderr);
        }
        s3.putObject(put -> put.bucket(WORK_BUCKET).key(key), RequestBody.fromFile(file));
        return "s3://" + WORK_BUCKET + "/" + key;
    }

    /** What was printed on the standard error (where the emulator logs) while {@code action} ran; it still prints. */
    static String standardErrorWhile(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
            }
        }, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    String uploadText(String key, String text) {
        s3.putObject(put -> put.bucket(WORK_BUCKET).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
        return "s3://" + WORK_BUCKET + "/" + key;
    }

    /** Downloads an s3:// location into the test directory. */
    Path download(String location) {
        String rest = location.substring("s3://".length());
        String bucket = rest.substring(0, rest.indexOf('/'));
        String key = rest.substring(rest.indexOf('/') + 1);
        Path file = directory.resolve("downloads").resolve(bucket).resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3.getObject(get -> get.bucket(bucket).key(key), file);
        return file;
    }

    boolean exists(String bucket, String key) {
        return s3.listObjectsV2(list -> list.bucket(bucket).prefix(key)).contents().stream()
                .anyMatch(object -> object.key().equals(key));
    }

    /** What {@code ffmpeg -i file} says of a file: its container, streams, sizes, rates and duration. */
    String describe(Path file) {
        return ffmpeg(List.of("-i", "file:" + file.toAbsolutePath()));
    }

    /** The frame of a media file at {@code seconds}, decoded by ffmpeg, as an image. */
    BufferedImage frameAt(Path file, double seconds) {
        Path png = directory.resolve("frame-" + System.nanoTime() + ".png");
        ffmpeg(List.of("-ss", String.valueOf(seconds), "-i", "file:" + file.toAbsolutePath(), "-frames:v", "1",
                png.toString()));
        return image(png);
    }

    static BufferedImage image(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalStateException(file + " is not an image ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs ffmpeg and returns what it wrote on stderr. */
    String ffmpeg(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-y"));
        command.addAll(arguments);
        try {
            Path log = Files.createTempFile(directory, "ffmpeg", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg did not finish: " + command);
            }
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The mean absolute difference of two same-sized regions, 0 (identical) to 255, over the red, green and
     * blue of each pixel.
     */
    static double difference(BufferedImage a, BufferedImage b, int x, int y, int width, int height) {
        long total = 0;
        for (int row = y; row < y + height; row++) {
            for (int column = x; column < x + width; column++) {
                int first = a.getRGB(column, row);
                int second = b.getRGB(column, row);
                for (int shift = 0; shift <= 16; shift += 8) {
                    total += Math.abs(((first >> shift) & 0xff) - ((second >> shift) & 0xff));
                }
            }
        }
        return total / (3.0 * width * height);
    }

    static Duration timeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void close() {
        try {
            mediaConvert.close();
            emulator.close();
            s3.close();
            s3Server.close();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }
}
