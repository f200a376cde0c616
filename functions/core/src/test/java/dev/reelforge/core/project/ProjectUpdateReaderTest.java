package dev.reelforge.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectUpdateReaderTest {

    private final ProjectUpdateReader reader = new ProjectUpdateReader();

    private ProjectUpdate read(String json) {
        ProjectUpdateReading reading = reader.read(Json.parseTrusted(json));
        assertThat(reading).as("reading %s", json).isInstanceOf(ProjectUpdateReading.Read.class);
        return ((ProjectUpdateReading.Read) reading).update();
    }

    private String refusal(String json) {
        ProjectUpdateReading reading = reader.read(Json.parseTrusted(json));
        assertThat(reading).as("reading %s", json).isInstanceOf(ProjectUpdateReading.Refused.class);
        return ((ProjectUpdateReading.Refused) reading).message();
    }

    @Test
    void theDocumentedAssetsBecomeFramesInOrderAndTheMusic() {
        ProjectUpdate update = read("""
                {"assets": [
                  {"name": "image", "asset_id": "p1", "start_time": 0, "end_time": 5, "data": {"text": "caption"}},
                  {"name": "text", "start_time": 5, "end_time": 10, "data": {"title": "Day two", "text": "hill"}},
                  {"name": "music", "asset_id": "m1", "start_time": 0, "end_time": 0}]}""");

        assertThat(update.assets().orElseThrow().frames()).containsExactly(
                new Frame.Image(new MediaRef.Id("p1"), Optional.of("caption"), 0, 5),
                new Frame.Text("Day two", "hill", 5, 10));
        assertThat(update.assets().orElseThrow().music()).contains(new MusicTrack(new MediaRef.Id("m1")));
        assertThat(update.name()).isEmpty();
    }

    @Test
    void thePythonSdksCaptionAndV27sIdAndUrlAreAccepted() {
        ProjectUpdate update = read("""
                {"assets": [
                  {"name": "image", "id": "p1", "data": {"caption": "from the SDK"}},
                  {"name": "image", "url": "https://photos.example.com/a.jpg"},
                  {"name": "music", "url": "https://music.example.com/a.mp3"}]}""");

        assertThat(update.assets().orElseThrow().frames()).containsExactly(
                new Frame.Image(new MediaRef.Id("p1"), Optional.of("from the SDK"), 0, 0),
                new Frame.Image(new MediaRef.Url(URI.create("https://photos.example.com/a.jpg")), Optional.empty(),
                        0, 0));
        assertThat(update.assets().orElseThrow().music())
                .contains(new MusicTrack(new MediaRef.Url(URI.create("https://music.example.com/a.mp3"))));
    }

    @Test
    void formFieldsHoldingJsonAreReadAsTheSdksPostThem() {
        JsonNode form = Json.object().put("name", "Trip").put("style", "vanilla").put("quality", "720")
                .put("privacy", "private").put("callback_url", "https://hooks.example.com/pv")
                .put("assets", "[{\"name\": \"image\", \"asset_id\": \"p1\"}]")
                .put("credit", "[[\"Photos\", \"Ana\"], [\"Music\", \"Bo\"]]");
        ProjectUpdate update = ((ProjectUpdateReading.Read) reader.read(form)).update();

        assertThat(update.name()).contains("Trip");
        assertThat(update.style()).contains("vanilla");
        assertThat(update.quality()).contains(ProjectQuality.Q720);
        assertThat(update.privacy()).contains(Privacy.PRIVATE);
        assertThat(update.callbackUrl()).contains(URI.create("https://hooks.example.com/pv"));
        assertThat(update.assets().orElseThrow().frames()).hasSize(1);
        assertThat(update.credits()).contains(List.of(new Credit("Photos", "Ana"), new Credit("Music", "Bo")));
    }

    @Test
    void creditsIsTheSameFieldAsCredit() {
        assertThat(read("{\"credits\": [[\"Photos\", \"Ana\"]]}").credits())
                .contains(List.of(new Credit("Photos", "Ana")));
        assertThat(refusal("{\"credit\": [], \"credits\": []}")).startsWith("credits cannot be sent together");
    }

    @Test
    void qualityMayBeANumberOrTheSwaggerFilesArray() {
        assertThat(read("{\"quality\": 480}").quality()).contains(ProjectQuality.Q480);
        assertThat(read("{\"quality\": [360]}").quality()).contains(ProjectQuality.Q360);
    }

    @Test
    void anUpdateAppliedToADraftKeepsWhatItDoesNotName() {
        Project draft = Project.draft(Optional.of("Trip"));
        Project styled = draft.with(read("{\"style\": \"focus\"}"));
        Project filled = styled.with(read("""
                {"assets": [{"name": "image", "asset_id": "p1"}, {"name": "music", "asset_id": "m1"}]}"""));
        Project emptied = filled.with(read("{\"assets\": []}"));

        assertThat(filled.name()).contains("Trip");
        assertThat(filled.style()).contains("focus");
        assertThat(filled.frames()).hasSize(1);
        assertThat(filled.music()).isPresent();
        assertThat(emptied.frames()).isEmpty();
        assertThat(emptied.music()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"title\": \"x\"}|title is not a field of a video (known: assets, callback_url, credit, credits, name, privacy, quality, style)",
        "{\"assets\": [{\"name\": \"image\", \"asset_id\": \"p\", \"effect\": \"zoom\"}]}|assets[0].effect is not a field of an image asset (known: asset_id, data, end_time, id, name, start_time, url)",
        "{\"assets\": [{\"name\": \"image\", \"asset_id\": \"p\", \"data\": {\"colour\": \"red\"}}]}|assets[0].data.colour is not a field of an image frame's data (known: caption, text)",
        "{\"assets\": [{\"name\": \"text\", \"data\": {\"title\": \"t\", \"caption\": \"c\"}}]}|assets[0].data.caption is not a field of a text frame's data (known: text, title)",
        "{\"assets\": [{\"name\": \"video\", \"asset_id\": \"p\"}]}|assets[0].name must be image, text or music",
        "{\"assets\": [{\"name\": \"image\"}]}|assets[0] needs one of asset_id, id or url",
        "{\"assets\": [{\"name\": \"image\", \"asset_id\": \"p\", \"url\": \"https://a.example/x.jpg\"}]}|assets[0] must name its media once, by asset_id, id or url (got asset_id, url)",
        "{\"assets\": [{\"name\": \"image\", \"url\": \"file:///etc/passwd\"}]}|assets[0].url must be an http or https URL",
        "{\"assets\": [{\"name\": \"image\", \"asset_id\": \"p\", \"start_time\": -5}]}|assets[0].start_time must be a number of seconds from 0 to 86400",
        "{\"assets\": [{\"name\": \"text\", \"data\": {}}]}|assets[0].data must hold a title or a text",
        "{\"assets\": [{\"name\": \"music\", \"id\": \"a\"}, {\"name\": \"music\", \"id\": \"b\"}]}|assets[1] is a second music track; a video has one",
        "{\"assets\": \"[{\"}|assets is not valid JSON",
        "{\"assets\": {}}|assets must be an array of frames",
        "{\"credit\": [[\"only a key\"]]}|credit[0] must be a [key, value] pair",
        "{\"credit\": [[\"Photos\", 7]]}|credit[0][1] must be a string",
        "{\"quality\": 1080}|quality must be one of 360, 480, 720",
        "{\"privacy\": \"friends\"}|privacy must be public or private",
        "{\"name\": 5}|name must be a string"})
    void wrongFieldsAreRefusedNamingThem(String json, String message) {
        assertThat(refusal(json)).isEqualTo(message);
    }

    @Test
    void tooManyFramesAreRefusedBeforeTheyAreRead() {
        StringBuilder assets = new StringBuilder("[");
        for (int i = 0; i < ProjectUpdateReader.MAX_FRAMES + 2; i++) {
            assets.append(i == 0 ? "" : ",").append("{\"name\": \"image\", \"asset_id\": \"p\"}");
        }
        assertThat(refusal("{\"assets\": " + assets + "]}"))
                .isEqualTo("assets may hold at most 200 frames and one music track");
    }
}
