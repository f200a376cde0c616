package dev.reelforge.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.pipeline.IntermediatePipes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The embedded stack's {@link IntermediatePipes}: one named pipe (a FIFO) per intermediate location under a
 * directory the render worker shares with the MediaConvert emulator, at {@code <root>/<bucket>/<key>}, and beside it
 * {@code <key>.json}, what its writer states it streams. The emulator reads a job's input from the pipe, when there
 * is one, instead of fetching the object, and removes both once the job is over.
 */
public final class NamedPipeIntermediates implements IntermediatePipes {

    private static final Pattern LOCATION = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/([\\w./-]{1,900})");
    private static final String STATEMENT = ".json";

    private final Path root;

    /** @param root the directory shared with the emulator */
    public NamedPipeIntermediates(Path root) {
        this.root = root;
    }

    @Override
    public Optional<Path> open(String location, MediaInfo streamed) {
        Path pipe = pipeOf(root, location)
                .orElseThrow(() -> new IllegalArgumentException("no pipe for a location such as " + location));
        try {
            Files.createDirectories(pipe.getParent());
            Path statement = statementFile(pipe);
            Path written = Files.createTempFile(pipe.getParent(), ".statement-", ".tmp");
            Files.writeString(written, Json.write(statement(streamed)), StandardCharsets.UTF_8);
            Files.move(written, statement, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (!isPipe(pipe)) {
                Files.deleteIfExists(pipe);
                makeFifo(pipe);
            }
            return Optional.of(pipe);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a pipe for " + location + " under " + root, e);
        }
    }

    /**
     * Where the pipe of {@code location} is under {@code root}: only an {@code s3://bucket/key} whose key has no
     * empty, {@code .} or {@code ..} segment has one.
     */
    public static Optional<Path> pipeOf(Path root, String location) {
        var matcher = LOCATION.matcher(location);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String key = matcher.group(2);
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.endsWith(STATEMENT)) {
                return Optional.empty();
            }
        }
        return Optional.of(root.resolve(matcher.group(1)).resolve(key));
    }

    /** What the writer of {@code pipe} stated it streams; empty when {@code pipe} is no pipe or states nothing. */
    public static Optional<MediaInfo> statementOf(Path pipe) {
        if (!isPipe(pipe)) {
            return Optional.empty();
        }
        try {
            JsonNode stated = Json.parseTrusted(Files.readString(statementFile(pipe), StandardCharsets.UTF_8));
            JsonNode audio = stated.path("audio");
            return Optional.of(new MediaInfo(OptionalDouble.of(stated.path("duration").asDouble()),
                    Optional.of(new MediaInfo.VideoStream(stated.path("width").asInt(), stated.path("height").asInt(),
                            stated.path("fps").asDouble(), stated.path("videoCodec").asText())),
                    audio.isObject() ? Optional.of(new MediaInfo.AudioStream(audio.path("sampleRate").asInt(),
                            audio.path("channels").asInt(), audio.path("codec").asText())) : Optional.empty(),
                    0));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the pipe by a new one, its statement kept: processes that outlived a killed stack (an orphaned
     * composer still writing, an orphaned encoder still reading) keep the old pipe to themselves, so the job run
     * again after the restart reads only what the worker's retry writes.
     */
    public static void renew(Path pipe) {
        try {
            if (isPipe(pipe)) {
                Files.delete(pipe);
                makeFifo(pipe);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot renew the pipe " + pipe, e);
        }
    }

    /** Removes the pipe and its statement, if they are there. */
    public static void remove(Path pipe) {
        try {
            Files.deleteIfExists(statementFile(pipe));
            if (isPipe(pipe)) {
                Files.deleteIfExists(pipe);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the pipe " + pipe, e);
        }
    }

    private static boolean isPipe(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isOther();
        } catch (IOException absent) {
            return false;
        }
    }

    private static Path statementFile(Path pipe) {
        return pipe.resolveSibling(pipe.getFileName() + STATEMENT);
    }

    private static ObjectNode statement(MediaInfo streamed) {
        MediaInfo.VideoStream video = streamed.video()
                .orElseThrow(() -> new IllegalArgumentException("a streamed composition has pictures"));
        ObjectNode statement = Json.object();
        statement.put("duration", streamed.duration().orElseThrow());
        statement.put("width", video.width());
        statement.put("height", video.height());
        statement.put("fps", video.fps());
        statement.put("videoCodec", video.codec());
        streamed.audio().ifPresent(audio -> {
            ObjectNode sound = statement.putObject("audio");
            sound.put("sampleRate", audio.sampleRate());
            sound.put("channels", audio.channels());
            sound.put("codec", audio.codec());
        });
        return statement;
    }

    private static void makeFifo(Path pipe) throws IOException {
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", pipe.toString())
                .redirectErrorStream(true).start();
        try {
            String said = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                mkfifo.destroyForcibly();
                throw new IOException("mkfifo " + pipe + " failed: " + said);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mkfifo.destroyForcibly();
            throw new IOException("interrupted while making the pipe " + pipe, e);
        }
    }
}
