package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ibm.IbmHttp;
import dev.reelforge.local.ibm.IbmHttp.Response;
import dev.reelforge.local.picovico.PicovicoHttp;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS on the IBM and Picovico faces for the dashboard's origin (the template's {@code DashboardOrigin}, on the
 * embedded stack its dashboard distribution's, local.json's {@code services.dashboard}), as the dashboard's IBM videos
 * and Picovico projects pages call them: preflights answered without credentials and allowing the faces' headers,
 * the functions' answers and the gateway's refusals readable by that origin, nothing allowed to another.
 */
class DashboardFacesCorsIT {

    private static final String ELSEWHERE = "https://elsewhere.example";
    private static final String PROJECT = "0123456789abcdef01234567";

    private static LocalStack stack;
    private static String dashboard;

    @BeforeAll
    static void startStack() {
        stack = SharedStack.get();
        URI page = stack.descriptor().services().get("dashboard");
        dashboard = page.getScheme() + "://" + page.getAuthority();
    }

    private static Response send(String method, String path, Map<String, String> headers, Optional<String> body) {
        return IbmHttp.send(stack.apiUrl(), method, path, headers, body);
    }

    private static Response preflight(String path, String origin, String method, String headers) {
        return send("OPTIONS", path, Map.of("Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", headers), Optional.empty());
    }

    private static List<String> allowedHeaders(Response response) {
        return List.of(response.header("Access-Control-Allow-Headers").orElse("").toLowerCase(Locale.ROOT).split(","));
    }

    private static Map<String, String> with(Map<String, String> headers, String origin) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Origin", origin);
        return all;
    }

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + IbmHttp.accessToken(stack, Environment.STAGE));
    }

    private static Map<String, String> accessPair() {
        PicovicoHttp.Pair pair = PicovicoHttp.logIn(stack, Environment.STAGE);
        return Map.of("X-Access-Key", pair.accessKey(), "X-Access-Token", pair.accessToken());
    }

    @Test
    void theDashboardsPreflightsOfIbmsRoutesAreAnsweredWithoutCredentials() {
        Response token = preflight("/oauth2/token", dashboard, "POST", "authorization,content-type");
        Response expiration = preflight("/videos/" + UUID.randomUUID() + "/expiration.json", dashboard, "PUT",
                "authorization,content-type");
        Response downloadable = preflight("/videos/" + UUID.randomUUID() + "/downloadable/flv.json", dashboard, "POST",
                "authorization");
        Response videos = preflight("/users/self/videos.json", dashboard, "GET", "authorization");

        for (Response answer : List.of(token, expiration, downloadable, videos)) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(204);
            assertThat(answer.header("Access-Control-Allow-Origin")).contains(dashboard);
            assertThat(answer.header("Access-Control-Allow-Methods")).contains("DELETE,GET,OPTIONS,POST,PUT");
            assertThat(allowedHeaders(answer)).contains("authorization", "content-type");
            assertThat(answer.header("Access-Control-Max-Age")).contains("600");
            assertThat(answer.header("Vary")).contains("Origin");
        }
    }

    @Test
    void theDashboardsPreflightsOfPicovicosRoutesAreAnsweredWithoutCredentials() {
        Response login = preflight("/login/app", dashboard, "POST", "content-type");
        Response me = preflight("/me", dashboard, "GET", "x-access-key,x-access-token");
        Response projects = preflight("/me/videos", dashboard, "GET", "x-access-key,x-access-token");
        Response project = preflight("/me/videos/" + PROJECT, dashboard, "DELETE", "x-access-key,x-access-token");

        for (Response answer : List.of(login, me, projects, project)) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(204);
            assertThat(answer.header("Access-Control-Allow-Origin")).contains(dashboard);
            assertThat(answer.header("Access-Control-Allow-Methods")).contains("DELETE,GET,OPTIONS,POST,PUT");
            assertThat(allowedHeaders(answer)).contains("x-access-key", "x-access-token", "content-type");
        }
    }

    @Test
    void aPreflightFromAnotherOriginAllowsNothingOnEitherFace() {
        for (String origin : List.of(ELSEWHERE, dashboard + ".evil")) {
            for (Response answer : List.of(preflight("/oauth2/token", origin, "POST", "authorization"),
                    preflight("/me/videos", origin, "GET", "x-access-key,x-access-token"))) {
                assertThat(answer.status()).as(origin).isEqualTo(204);
                assertThat(answer.header("Access-Control-Allow-Origin")).as(origin).isEmpty();
                assertThat(answer.header("Access-Control-Allow-Headers")).as(origin).isEmpty();
            }
        }
    }

    @Test
    void ibmsAnswersAreReadableByTheDashboardsOriginOnly() {
        IbmHttp.Client client = IbmHttp.developmentClient(stack, Environment.STAGE);
        Response token = send("POST", "/oauth2/token", Map.of("Origin", dashboard,
                "Authorization", "Basic " + client.clientSecret(),
                "Content-Type", "application/x-www-form-urlencoded;charset=UTF-8"),
                Optional.of(IbmHttp.form(Map.of("grant_type", "client_credentials", "client_id", client.clientId()))));
        Map<String, String> bearer = bearer();
        Response videos = send("GET", "/users/self/videos.json?pagesize=20&page=1", with(bearer, dashboard),
                Optional.empty());
        Response unknownVideo = send("GET", "/videos/" + UUID.randomUUID() + ".json", with(bearer, dashboard),
                Optional.empty());
        Response fromElsewhere = send("GET", "/users/self/videos.json", with(bearer, ELSEWHERE), Optional.empty());
        Response noBrowser = send("GET", "/users/self/videos.json", bearer, Optional.empty());

        assertThat(token.status()).as(token.text()).isEqualTo(200);
        assertThat(token.header("Access-Control-Allow-Origin")).contains(dashboard);
        assertThat(videos.status()).as(videos.text()).isEqualTo(200);
        assertThat(videos.header("Access-Control-Allow-Origin")).contains(dashboard);
        assertThat(videos.header("Vary")).contains("Origin");
        assertThat(unknownVideo.status()).isEqualTo(404);
        assertThat(unknownVideo.body().path("error").asText()).isEqualTo("not_found");
        assertThat(unknownVideo.header("Access-Control-Allow-Origin")).as("the dashboard reads IBM's errors too")
                .contains(dashboard);
        assertThat(fromElsewhere.status()).isEqualTo(200);
        assertThat(fromElsewhere.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(fromElsewhere.header("Vary")).contains("Origin");
        assertThat(noBrowser.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void picovicosAnswersAreReadableByTheDashboardsOriginOnly() {
        PicovicoHttp.App app = PicovicoHttp.developmentApp(stack, Environment.STAGE);
        Response login = send("POST", "/login/app", Map.of("Origin", dashboard,
                "Content-Type", "application/x-www-form-urlencoded;charset=UTF-8"),
                Optional.of(PicovicoHttp.form(Map.of("app_id", app.appId(), "app_secret", app.appSecret()))));
        Map<String, String> pair = accessPair();
        Response me = send("GET", "/me", with(pair, dashboard), Optional.empty());
        Response projects = send("GET", "/me/videos?count=15", with(pair, dashboard), Optional.empty());
        Response unknownProject = send("GET", "/me/videos/" + PROJECT, with(pair, dashboard), Optional.empty());
        Response fromElsewhere = send("GET", "/me/videos", with(pair, ELSEWHERE), Optional.empty());

        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(login.header("Access-Control-Allow-Origin")).contains(dashboard);
        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.header("Access-Control-Allow-Origin")).contains(dashboard);
        assertThat(projects.status()).as(projects.text()).isEqualTo(200);
        assertThat(projects.header("Access-Control-Allow-Origin")).contains(dashboard);
        assertThat(projects.header("Vary")).contains("Origin");
        assertThat(unknownProject.status()).isEqualTo(404);
        assertThat(unknownProject.header("Access-Control-Allow-Origin")).contains(dashboard);
        assertThat(fromElsewhere.status()).isEqualTo(200);
        assertThat(fromElsewhere.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theGatewaysRefusalsOnEitherFaceNameTheDashboardsOriginSoThatTheDashboardCanReadThem() {
        Response noToken = send("GET", "/users/self/videos.json", Map.of("Origin", dashboard), Optional.empty());
        Response noPair = send("GET", "/me/videos", Map.of("Origin", dashboard), Optional.empty());

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.body().path("error").asText()).isEqualTo("invalid_token");
        assertThat(noToken.header("Access-Control-Allow-Origin")).contains(dashboard);
        assertThat(noPair.status()).isEqualTo(401);
        assertThat(noPair.header("Access-Control-Allow-Origin")).contains(dashboard);
    }
}
