package dev.reelforge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The headers and config.json a browser gets with the dashboard's files. */
class PublishDashboardTest {

    @Test
    void pagesStylesAndModulesAreServedAsTheBrowserLoadsThem() {
        assertThat(PublishDashboard.contentType("index.html")).contains("text/html; charset=utf-8");
        assertThat(PublishDashboard.contentType("app.css")).contains("text/css; charset=utf-8");
        // a module script with another type is refused by the browser (strict MIME checking)
        assertThat(PublishDashboard.contentType("js/app.js")).contains("text/javascript; charset=utf-8");
        assertThat(PublishDashboard.contentType("js/APP.JS")).contains("text/javascript; charset=utf-8");
        assertThat(PublishDashboard.contentType("config.json")).contains("application/json");
        assertThat(PublishDashboard.contentType("icons/logo.svg")).contains("image/svg+xml");
        assertThat(PublishDashboard.contentType("favicon.ico")).contains("image/x-icon");
    }

    @Test
    void filesThatAreNotTheDashboardsKindsAreNotPublished() {
        assertThat(PublishDashboard.contentType("README.md")).isEmpty();
        assertThat(PublishDashboard.contentType("js/.app.js.swp")).isEmpty();
        assertThat(PublishDashboard.contentType(".htaccess")).isEmpty();
        assertThat(PublishDashboard.contentType("js/.hidden")).isEmpty();
        assertThat(PublishDashboard.contentType("Makefile")).isEmpty();
        assertThat(PublishDashboard.contentType("js.d/notes")).isEmpty();
    }

    @Test
    void configJsonNamesTheApiUrlAsGiven() {
        byte[] config = PublishDashboard.config(URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/live"));

        assertThat(new String(config, StandardCharsets.UTF_8))
                .isEqualTo("{\"apiUrl\":\"https://abc123.execute-api.eu-west-1.amazonaws.com/live\"}");
        assertThat(Json.parseTrusted(new String(config, StandardCharsets.UTF_8)).path("apiUrl").asText())
                .isEqualTo("https://abc123.execute-api.eu-west-1.amazonaws.com/live");
    }

    @Test
    void configJsonNamesTheIbmAndPicovicoApisWhenTheyHaveTheirOwn() {
        byte[] config = PublishDashboard.config(new PublishDashboardCommand(Path.of("dashboard"),
                URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/live"),
                Optional.of(URI.create("https://ibm456.execute-api.eu-west-1.amazonaws.com/live")),
                Optional.of(URI.create("https://pico789.execute-api.eu-west-1.amazonaws.com/live"))));

        assertThat(new String(config, StandardCharsets.UTF_8)).isEqualTo(
                "{\"apiUrl\":\"https://abc123.execute-api.eu-west-1.amazonaws.com/live\","
                        + "\"ibmApiUrl\":\"https://ibm456.execute-api.eu-west-1.amazonaws.com/live\","
                        + "\"picovicoApiUrl\":\"https://pico789.execute-api.eu-west-1.amazonaws.com/live\"}");
        assertThatThrownBy(() -> new PublishDashboardCommand(Path.of("dashboard"), URI.create("https://a.example/live"),
                Optional.of(URI.create("javascript:alert(1)")), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAnHttpUrlWithoutQueryIsAnApiUrl() {
        Path files = Path.of("dashboard");
        for (String url : new String[] {"ftp://example.com/live", "/live", "https://example.com/live?x=1",
                "https://example.com/live#top", "javascript:alert(1)"}) {
            assertThatThrownBy(() -> new PublishDashboardCommand(files, URI.create(url))).as(url)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new PublishDashboardCommand(files, URI.create("http://127.0.0.1:4000")).apiUrl())
                .hasToString("http://127.0.0.1:4000");
    }
}
