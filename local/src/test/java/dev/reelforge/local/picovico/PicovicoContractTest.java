package dev.reelforge.local.picovico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Picovico contract's checker accepts what the face file describes and refuses what departs from it. */
class PicovicoContractTest {

    private static final PicovicoContract CONTRACT = PicovicoContract.shipped();

    private static ObjectNode draft() {
        return (ObjectNode) Json.parseTrusted("""
                {"id": "019aef3c5a00a1b2c3d4e5f6", "status": "initial", "name": "Holiday", "style": "vanilla",
                 "quality": 360, "assets": [
                   {"name": "image", "asset_id": "p1", "start_time": 0, "end_time": 5, "data": {"text": "Beach"}},
                   {"name": "text", "start_time": 5, "end_time": 10, "data": {"title": "Day two", "text": "Hills"}},
                   {"name": "music", "asset_id": "rf-sunrise-walk", "start_time": 0, "end_time": 0}],
                 "credit": [["Photos", "Ana"]], "privacy": "public", "callback_url": null, "description": null,
                 "tags": [], "owner": {"id": "t7clwb0ir7"}, "duration": 20, "created_on": 1764979200,
                 "modified_on": 1764979260, "view": null, "video": null, "thumbnail": null}""");
    }

    private static ObjectNode published() {
        ObjectNode video = draft().put("status", "published");
        video.putObject("video").putObject("360").put("url", "https://cdn.example/o/r-360.mp4").put("size", 1234);
        video.putObject("thumbnail").put("360", "https://cdn.example/o/r-360-thumb.jpg");
        return video;
    }

    private static PicovicoHttp.Response answer(int status, Object body) {
        return new PicovicoHttp.Response(status, Map.of("content-type", List.of("application/json")),
                body instanceof String text ? text : Json.write((com.fasterxml.jackson.databind.JsonNode) body));
    }

    private static ObjectNode changed(ObjectNode video, Consumer<ObjectNode> change) {
        change.accept(video);
        return video;
    }

    @Test
    void aDraftAndAPublishedVideoAsTheFaceFileDescribesThemPass() {
        assertThat(CONTRACT.validate("Video", draft())).isEmpty();
        assertThat(CONTRACT.validate("Video", published())).isEmpty();
        assertThatCode(() -> CONTRACT.check("GET", "/me/videos/019aef3c5a00a1b2c3d4e5f6", answer(200, published())))
                .doesNotThrowAnyException();
    }

    @Test
    void aVideoThatDepartsFromTheFaceFileIsRefused() {
        assertThat(CONTRACT.validate("Video", changed(draft(), video -> video.put("created_on", 1764979200000L))))
                .as("times in milliseconds").isNotEmpty();
        assertThat(CONTRACT.validate("Video", changed(draft(), video -> video.put("status", "done"))))
                .as("an unknown status").isNotEmpty();
        assertThat(CONTRACT.validate("Video", changed(draft(), video -> video.putArray("credit").add("Photos: Ana"))))
                .as("a credit that is not a [key, value] pair").isNotEmpty();
        assertThat(CONTRACT.validate("Video", changed(draft(), video -> video.putObject("video").putObject("360")
                .put("url", "https://cdn.example/o/r-360.mp4").put("size", 1234))))
                .as("a draft with renditions").isNotEmpty();
        assertThat(CONTRACT.validate("Video", changed(published(), video -> video.putObject("video")
                .putObject("1080").put("url", "https://cdn.example/x.mp4").put("size", 1))))
                .as("a rendition Reelforge does not make").isNotEmpty();
        assertThat(CONTRACT.validate("Video", changed(draft(), video -> video.putArray("quality").add(360))))
                .as("the Swagger file's array quality").isNotEmpty();
        assertThat(CONTRACT.validate("Video", changed(draft(), video -> video.remove("thumbnail"))))
                .as("a missing field").isNotEmpty();
        assertThat(CONTRACT.validate("Video", changed(draft(), video -> video.put("colour", "red"))))
                .as("a field Picovico does not have").isNotEmpty();
    }

    @Test
    void aWrongBodyFailsTheCheckNamingTheRouteAndTheDefinition() {
        assertThatThrownBy(() -> CONTRACT.check("GET", "/musics", answer(200,
                "[{\"id\":\"a\",\"title\":\"A\",\"artist\":\"R\",\"category\":\"C\",\"is_featured\":true,"
                        + "\"duration\":30}]")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /musics answered 200")
                .hasMessageContaining("MusicList").hasMessageContaining("preview_url");
        assertThatThrownBy(() -> CONTRACT.check("POST", "/login/app", answer(200,
                "{\"_count\":1,\"data\":[{\"access_key\":\"k\",\"access_token\":\"t\",\"id\":\"u\"}]}")))
                .as("v2.7's wrapping, which the SDKs do not read").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> CONTRACT.check("GET", "/me", answer(200, "not json")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not JSON");
    }

    @Test
    void anErrorMustBeTheEnvelopeCarryingItsHttpStatus() {
        assertThatCode(() -> CONTRACT.check("GET", "/me/videos/x", answer(404,
                "{\"error\":{\"message\":\"No video has this id.\",\"status\":404}}"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> CONTRACT.check("GET", "/me/videos/x", answer(404,
                "{\"error\":{\"message\":\"No video has this id.\",\"status\":400}}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not the HTTP status 404");
        assertThatThrownBy(() -> CONTRACT.check("GET", "/me/videos/x", answer(404,
                "{\"success\":false,\"message\":\"Not Found\"}"))).isInstanceOf(AssertionError.class);
        assertThatCode(() -> CONTRACT.check("GET", "/no/such/route", answer(404,
                "{\"error\":{\"message\":\"No route matches the method and path of the request.\",\"status\":404}}")))
                .as("a gateway's answer to a path no route matches").doesNotThrowAnyException();
    }

    @Test
    void aRenderRefusalMayCarryItsPicovicoCode() {
        assertThatCode(() -> CONTRACT.check("POST", "/me/videos/x/render", answer(400,
                "{\"error\":{\"message\":\"Style not defined.\",\"status\":7401}}"))).doesNotThrowAnyException();
        assertThatCode(() -> CONTRACT.check("POST", "/me/videos/x/render", answer(200,
                "{\"message\":\"Video is being created\",\"status\":7201}"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> CONTRACT.check("POST", "/me/videos/x/render", answer(200,
                "{\"message\":\"Video is being created\",\"status\":7101}"))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> CONTRACT.check("GET", "/me/videos/x", answer(400,
                "{\"error\":{\"message\":\"Style not defined.\",\"status\":7401}}")))
                .as("a 74xx code off the render route").isInstanceOf(AssertionError.class);
    }

    @Test
    void aSuccessOfARouteTheContractDoesNotListFailsLoudly() {
        assertThatThrownBy(() -> CONTRACT.check("GET", "/me/draft", answer(200, draft())))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no schema for GET /me/draft answered 200");
        assertThatThrownBy(() -> CONTRACT.check("GET", "/me/videos", answer(201, "{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("lists [200]");
    }

    @Test
    void theV27CallbackBodyIsDescribed() {
        assertThat(CONTRACT.validate("Callback", Json.parseTrusted("""
                {"type": "video.created", "created": 1764979200, "status": 7202, "data": {"object": {
                  "id": "019aef3c5a00a1b2c3d4e5f6", "video": [{"quality": 360, "url": "https://cdn.example/a.mp4",
                  "size": 1234, "thumbnail": "https://cdn.example/a.jpg"}]}}}"""))).isEmpty();
        assertThat(CONTRACT.validate("Callback", Json.parseTrusted("""
                {"type": "video.created", "created": 1764979200, "status": 7202,
                 "data": {"object": {"id": "019aef3c5a00a1b2c3d4e5f6", "video": []}}}""")))
                .as("created without a rendition").isNotEmpty();
    }
}
