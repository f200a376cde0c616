package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.account.CreateAccountCommand;
import dev.reelforge.core.appauth.LogInApp;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.ibm.IbmHttp;
import dev.reelforge.local.picovico.PicovicoHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Picovico's {@code POST /login/app}, its access-pair authorizer and {@code GET /me} on the embedded stack, through
 * HTTP. The stack is this class's own: its clock moves past a pair's lifetime.
 */
class PicovicoLoginIT {

    private static Path dataDirectory;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        dataDirectory = SharedStack.temporaryDirectory("reelforge-picovico-login-it-");
        stack = LocalStack.start(new LocalStack.Options(ProjectFiles.template(), dataDirectory, 0, line -> {}));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        SharedStack.deleteRecursively(dataDirectory);
    }

    private static PicovicoHttp.App stageApp() {
        return PicovicoHttp.developmentApp(stack, Environment.STAGE);
    }

    private static PicovicoHttp.Response login(String contentType, String body) {
        return PicovicoHttp.send(stack, "POST", "/login/app", Map.of("Content-Type", contentType), Optional.of(body));
    }

    private static PicovicoHttp.Response loginForm(Map<String, String> fields) {
        return login("application/x-www-form-urlencoded", PicovicoHttp.form(fields));
    }

    private static PicovicoHttp.Response me(Map<String, String> headers) {
        return PicovicoHttp.send(stack, "GET", "/me", headers, Optional.empty());
    }

    private static void assertPicovicoError(PicovicoHttp.Response response, int status, String... named) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().path("error").path("status").asInt()).as(response.text()).isEqualTo(status);
        assertThat(response.errorMessage()).as(response.text()).contains(named);
        assertThat(response.text()).doesNotContain("Exception", "dev.reelforge", "\tat ");
    }

    @Test
    void theDevelopmentAppLogsInFormEncodedAsTheSdksSendIt() {
        PicovicoHttp.App app = stageApp();

        PicovicoHttp.Response response = loginForm(Map.of("app_id", app.appId(), "app_secret", app.appSecret(),
                "device_id", "sdk-device-1"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().path("access_key").asText()).matches("[0-9A-Za-z]{40}");
        assertThat(response.body().path("access_token").asText()).matches("[0-9A-Za-z]{40}")
                .isNotEqualTo(response.body().path("access_key").asText());
        assertThat(response.body().path("id").asText()).isEqualTo(stack.descriptor().owner());
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    @Test
    void aJsonLoginGivesAPairThatOpensMe() {
        PicovicoHttp.App app = stageApp();

        PicovicoHttp.Response response = login("application/json",
                "{\"app_id\":\"" + app.appId() + "\",\"app_secret\":\"" + app.appSecret() + "\"}");
        PicovicoHttp.Pair pair = new PicovicoHttp.Pair(response.body().path("access_key").asText(),
                response.body().path("access_token").asText(), response.body().path("id").asText());

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        PicovicoHttp.Response me = PicovicoHttp.get(stack, "/me", pair);
        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.body().path("id").asText()).isEqualTo(stack.descriptor().owner());
    }

    @Test
    void meShowsTheDevelopmentAccountsOpeningCreditsEnoughForDozensOf720Renders() {
        PicovicoHttp.Response me = PicovicoHttp.get(stack, "/me", PicovicoHttp.logIn(stack, Environment.V1));

        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.body().path("credits").asLong()).isEqualTo(CreateAccountCommand.STARTING_CREDITS)
                .isGreaterThanOrEqualTo(24 * 70);
    }

    @Test
    void aMissingAppIdIs400NamingIt() {
        assertPicovicoError(loginForm(Map.of("app_secret", stageApp().appSecret())), 400, "app_id");
        assertPicovicoError(loginForm(Map.of("app_id", "", "app_secret", stageApp().appSecret())), 400, "app_id");
    }

    @Test
    void aMissingAppSecretIs400NamingIt() {
        assertPicovicoError(loginForm(Map.of("app_id", stageApp().appId())), 400, "app_secret");
    }

    @Test
    void anUnknownAppIdIs401NamingIt() {
        assertPicovicoError(loginForm(Map.of("app_id", "0".repeat(40), "app_secret", stageApp().appSecret())), 401,
                "app_id");
        assertPicovicoError(loginForm(Map.of("app_id", "not an app id", "app_secret", stageApp().appSecret())), 401,
                "app_id");
    }

    @Test
    void aWrongSecretIs401NamingIt() {
        assertPicovicoError(loginForm(Map.of("app_id", stageApp().appId(),
                "app_secret", PicovicoHttp.developmentApp(stack, Environment.V1).appSecret())), 401, "app_secret");
    }

    @Test
    void aBadBodyIs400SayingWhatIsWrong() {
        assertPicovicoError(login("application/json", "{\"app_id\":"), 400, "not valid JSON");
        assertPicovicoError(login("application/json", "[1]"), 400, "object");
        assertPicovicoError(login("application/json", "{\"app_id\":{\"x\":1},\"app_secret\":\"s\"}"), 400,
                "\"app_id\"");
        assertPicovicoError(login("text/plain", "app_id=x"), 400, "Content-Type");
        assertPicovicoError(login("application/x-www-form-urlencoded", "app_id=%zz&app_secret=x"), 400, "escape");
        assertPicovicoError(login("application/x-www-form-urlencoded", "app_id=a&app_id=b&app_secret=x"), 400,
                "\"app_id\"", "twice");
        assertPicovicoError(loginForm(Map.of("app_id", stageApp().appId(), "app_secret", stageApp().appSecret(),
                "device_id", "d".repeat(201))), 400, "device_id");
        assertPicovicoError(login("application/x-www-form-urlencoded", "x=" + "y".repeat(5000)), 413, "body");
    }

    @Test
    void meWithoutEitherHeaderIsRefused401InPicovicosEnvelope() {
        PicovicoHttp.Pair pair = PicovicoHttp.logIn(stack, Environment.STAGE);

        assertPicovicoError(me(Map.of()), 401, "X-Access-Key", "X-Access-Token");
        assertPicovicoError(me(Map.of("X-Access-Key", pair.accessKey())), 401, "X-Access-Token");
        assertPicovicoError(me(Map.of("X-Access-Token", pair.accessToken())), 401, "X-Access-Key");
    }

    @Test
    void meWithAWrongOrSwappedPairIsRefused401() {
        PicovicoHttp.Pair pair = PicovicoHttp.logIn(stack, Environment.STAGE);
        PicovicoHttp.Pair other = PicovicoHttp.logIn(stack, Environment.STAGE);

        assertPicovicoError(me(Map.of("X-Access-Key", pair.accessKey(), "X-Access-Token", other.accessToken())), 401,
                "X-Access-Key");
        assertPicovicoError(me(Map.of("X-Access-Key", pair.accessToken(), "X-Access-Token", pair.accessKey())), 401,
                "X-Access-Key");
        assertPicovicoError(me(Map.of("X-Access-Key", "k".repeat(40), "X-Access-Token", "t".repeat(40))), 401,
                "X-Access-Key");
        assertPicovicoError(me(Map.of("X-Access-Key", "short", "X-Access-Token", "x".repeat(300))), 401,
                "X-Access-Key");
    }

    @Test
    void theOtherFacesCredentialsDoNotOpenMe() {
        String ibmToken = IbmHttp.accessToken(stack, Environment.STAGE);
        String apiKey = stack.descriptor().apiKey(Environment.STAGE);
        PicovicoHttp.App app = stageApp();

        assertPicovicoError(me(Map.of("Authorization", "Bearer " + ibmToken)), 401, "X-Access-Key");
        assertPicovicoError(me(Map.of("x-api-key", apiKey)), 401, "X-Access-Key");
        assertPicovicoError(me(Map.of("X-Access-Key", apiKey, "X-Access-Token", ibmToken)), 401, "X-Access-Key");
        assertPicovicoError(me(Map.of("X-Access-Key", app.appId(), "X-Access-Token", app.appSecret())), 401,
                "X-Access-Key");
    }

    @Test
    void anUnknownRouteOfPicovicosPathsIs404InPicovicosEnvelope() {
        PicovicoHttp.Pair pair = PicovicoHttp.logIn(stack, Environment.STAGE);

        assertPicovicoError(PicovicoHttp.get(stack, "/login/app", pair), 404, "route");
        assertPicovicoError(PicovicoHttp.send(stack, "POST", "/login/user", Map.of(), Optional.of("")), 404, "route");
    }

    @Test
    void anotherOwnersPairSeesOnlyItsOwnMe() {
        PicovicoHttp.Owner other = PicovicoHttp.anotherOwner(stack);
        PicovicoHttp.Pair othersPair = PicovicoHttp.logIn(stack, other.app(Environment.STAGE));
        PicovicoHttp.Pair ours = PicovicoHttp.logIn(stack, Environment.STAGE);

        PicovicoHttp.Response theirs = PicovicoHttp.get(stack, "/me", othersPair);
        PicovicoHttp.Response mine = PicovicoHttp.get(stack, "/me", ours);

        assertThat(othersPair.userId()).isEqualTo(other.owner()).isNotEqualTo(ours.userId());
        assertThat(theirs.body().path("id").asText()).isEqualTo(other.owner());
        assertThat(mine.body().path("id").asText()).isEqualTo(stack.descriptor().owner());
    }

    @Test
    void aPairStopsOpeningMeWhenItsLifetimeIsOverByTheStackClock() {
        PicovicoHttp.Pair pair = PicovicoHttp.logIn(stack, Environment.STAGE);
        assertThat(PicovicoHttp.get(stack, "/me", pair).status()).isEqualTo(200);

        stack.clock().advance(LogInApp.ACCESS_LIFETIME.minus(Duration.ofMinutes(5)));
        assertThat(PicovicoHttp.get(stack, "/me", pair).status()).isEqualTo(200);

        stack.clock().advance(Duration.ofMinutes(6));
        assertPicovicoError(PicovicoHttp.get(stack, "/me", pair), 401, "X-Access-Key");
        assertThat(PicovicoHttp.get(stack, "/me", PicovicoHttp.logIn(stack, Environment.STAGE)).status())
                .isEqualTo(200);
    }
}
