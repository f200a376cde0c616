package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard as the embedded stack serves it: its pages, styles and scripts from the dashboard's distribution
 * (the CloudFront emulator reading the dashboard bucket the stack filled from the repo's dashboard/), with their
 * content types; its config.json naming the stack's API; and that distribution's origin, the one local.json names,
 * the one the API allows (CORS), so the pages can call the API with a key.
 */
class DashboardIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s[^;]*?from\\s+'([^']+)'");

    private static RenderTestStack stack;
    private static URI dashboard;

    @BeforeAll
    static void startStack() {
        stack = RenderTestStack.start();
        dashboard = stack.stack().descriptor().services().get("dashboard");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<String> get(URI base, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + base.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> send(String method, URI url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The Content-Type without spaces (S3 may write {@code text/html;charset=utf-8} back without the space). */
    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    }

    @Test
    void theDashboardsRootIsItsPageWhichLoadsItsOwnScriptAsAModule() {
        HttpResponse<String> root = get(dashboard, "/", Map.of());
        HttpResponse<String> index = get(dashboard, "/index.html", Map.of());

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(contentType(root)).isEqualTo("text/html;charset=utf-8");
        assertThat(root.body()).isEqualTo(index.body()).contains("<script type=\"module\" src=\"js/app.js\">")
                .contains("<link rel=\"stylesheet\" href=\"app.css\">").contains("<html lang=\"en\">");
        assertThat(root.body()).as("nothing fetched from elsewhere").doesNotContain("http://", "https://", "//cdn");
        assertThat(get(dashboard, "/app.css", Map.of())).satisfies(css -> {
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(contentType(css)).isEqualTo("text/css;charset=utf-8");
            assertThat(css.body()).doesNotContain("url(", "@import");
        });
    }

    @Test
    void everyScriptTheAppImportsIsServedAsJavaScriptFromTheDashboardItself() {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add("js/app.js");
        while (!pending.isEmpty()) {
            String path = pending.pop();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<String> script = get(dashboard, "/" + path, Map.of());
            assertThat(script.statusCode()).as(path).isEqualTo(200);
            assertThat(contentType(script)).as("a module's MIME type must be JavaScript's: " + path)
                    .isEqualTo("text/javascript;charset=utf-8");
            Matcher imports = IMPORT.matcher(script.body());
            while (imports.find()) {
                String target = imports.group(1);
                assertThat(target).as("imported by " + path).startsWith("./");
                pending.add(URI.create("/" + path).resolve(target).getPath().substring(1));
            }
        }
        assertThat(seen).contains("js/app.js", "js/api.js", "js/dom.js", "js/signin.js", "js/renders.js",
                "js/render.js", "js/new-render.js", "js/json-path.js");
    }

    @Test
    void theConfigNamesTheStacksApi() {
        HttpResponse<String> config = get(dashboard, "/config.json", Map.of());

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(contentType(config)).isEqualTo("application/json");
        JsonNode json = Json.parseTrusted(config.body());
        assertThat(json.path("apiUrl").asText()).isEqualTo(stack.stack().apiUrl().toString());
    }

    @Test
    void theDashboardsOriginIsTheOneTheApiAllows() {
        String origin = "http://" + dashboard.getAuthority();
        URI renders = stack.stack().apiUrl().resolve("/edit/stage/renders");

        HttpResponse<String> preflight = send("OPTIONS", renders, Map.of("Origin", origin,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "x-api-key"));
        HttpResponse<String> list = send("GET", renders, Map.of("Origin", origin,
                "x-api-key", stack.key(Environment.STAGE)));
        HttpResponse<String> fromTheApisOwnOrigin = send("GET", renders, Map.of("Origin",
                "http://" + stack.stack().apiUrl().getAuthority(), "x-api-key", stack.key(Environment.STAGE)));

        assertThat(dashboard.getPath()).as("local.json names an origin").isEmpty();
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
        assertThat(fromTheApisOwnOrigin.headers().firstValue("Access-Control-Allow-Origin"))
                .as("only the dashboard's origin is allowed").isEmpty();
    }
}
