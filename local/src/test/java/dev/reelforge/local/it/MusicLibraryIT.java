package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.s3.S3MusicLibraryFiles;
import dev.reelforge.core.Environment;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.project.LibraryTrack;
import dev.reelforge.core.project.ShippedMusicLibrary;
import dev.reelforge.library.PublishLibraryCommand;
import dev.reelforge.library.PublishMusicLibrary;
import dev.reelforge.library.PublishedLibrary;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.picovico.PicovicoHttp;
import dev.reelforge.media.FfmpegMediaProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Picovico's music library on the embedded stack, through HTTP: {@code GET /musics} lists the tracks that ship with
 * Reelforge, each one's {@code preview_url} is served by the CDN as an audio file of the listed duration (the stack
 * wrote them at its start, as the custom resource does on AWS), the tracks are different music, and
 * {@code GET /musics/{id}} answers one or Picovico's 404.
 */
class MusicLibraryIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static LocalStack stack;
    private static PicovicoHttp.Pair pair;
    private static Path directory;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
        pair = PicovicoHttp.logIn(stack, Environment.STAGE);
        directory = SharedStack.temporaryDirectory("reelforge-music-library-it-");
    }

    @AfterAll
    static void clean() {
        SharedStack.deleteRecursively(directory);
    }

    @Test
    void everyListedTrackIsAnAudioFileOfItsDurationOnTheCdnAndEachIsDifferentMusic() throws Exception {
        PicovicoHttp.Response listing = PicovicoHttp.get(stack, "/musics", pair);

        assertThat(listing.status()).as(listing.text()).isEqualTo(200);
        assertThat(listing.body().isArray()).isTrue();
        assertThat(listing.body().size()).isGreaterThanOrEqualTo(5);
        FfmpegMediaProbe probe = new FfmpegMediaProbe(stack.ffmpeg(), Duration.ofSeconds(30));
        List<String> checksums = new ArrayList<>();
        for (JsonNode track : listing.body()) {
            assertThat(track.path("title").asText()).isNotBlank();
            assertThat(track.path("artist").asText()).isNotBlank();
            assertThat(track.path("category").asText()).isNotBlank();
            assertThat(track.path("is_featured").isBoolean()).isTrue();
            URI preview = URI.create(track.path("preview_url").asText());
            Path file = directory.resolve(track.path("id").asText() + ".m4a");
            HttpResponse<Path> fetched = HTTP.send(HttpRequest.newBuilder(preview).build(),
                    HttpResponse.BodyHandlers.ofFile(file));
            assertThat(fetched.statusCode()).as(preview.toString()).isEqualTo(200);
            assertThat(fetched.headers().firstValue("content-type")).as(preview.toString()).hasValue("audio/mp4");

            MediaProbe.ProbeResult probed = probe.probe(file);
            assertThat(probed).as(preview.toString()).isInstanceOf(MediaProbe.ProbeResult.Probed.class);
            MediaInfo info = ((MediaProbe.ProbeResult.Probed) probed).info();
            assertThat(info.audio()).as("an audio stream in " + preview).isPresent();
            assertThat(info.video()).isEmpty();
            assertThat(info.duration().orElseThrow()).as("the listed duration of " + preview)
                    .isCloseTo(track.path("duration").asDouble(), within(0.05));
            checksums.add(sha256(file));
        }
        assertThat(checksums).as("each track is different audio").doesNotHaveDuplicates();
    }

    @Test
    void publishingTheLibraryAgainWritesNothing() {
        String bucket = stack.function("MusicLibraryFunction").definition().environment().get("HOSTING_BUCKET");
        PublishMusicLibrary publish = new PublishMusicLibrary(ShippedMusicLibrary.shipped(),
                new S3MusicLibraryFiles(stack.services().s3(), bucket), PublishMusicLibrary.synthesised(stack.ffmpeg()));

        PublishedLibrary again = publish.publish(new PublishLibraryCommand(directory.resolve("work")));

        assertThat(again.written()).isEmpty();
        assertThat(again.present()).containsExactlyElementsOf(
                ShippedMusicLibrary.shipped().tracks().stream().map(LibraryTrack::file).toList());
    }

    @Test
    void aTrackIsAnsweredByItsIdAsTheListingShowsIt() {
        JsonNode first = PicovicoHttp.get(stack, "/musics", pair).body().get(0);

        PicovicoHttp.Response one = PicovicoHttp.get(stack, "/musics/" + first.path("id").asText(), pair);

        assertThat(one.status()).as(one.text()).isEqualTo(200);
        assertThat(one.body()).isEqualTo(first);
    }

    @Test
    void anUnknownTrackIsPicovicos404() {
        PicovicoHttp.Response missing = PicovicoHttp.get(stack, "/musics/no-such-track", pair);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("error").path("status").asInt()).isEqualTo(404);
        assertThat(missing.errorMessage()).contains("music");
    }

    @Test
    void theLibraryNeedsAnAccessPairAsTheSdksSendIt() {
        PicovicoHttp.Response anonymous = PicovicoHttp.send(stack, "GET", "/musics", Map.of(), Optional.empty());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().path("error").path("status").asInt()).isEqualTo(401);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
