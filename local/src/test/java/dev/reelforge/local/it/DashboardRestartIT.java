package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded stack publishes the dashboard as the deployment's custom resource does, from the dashboard/ directory
 * next to its template.yaml read at each start: an edited page is served after a restart, a removed file is gone.
 * (A copy of template.yaml and of dashboard/ in a temporary directory, so the repo's files are never touched.)
 */
class DashboardRestartIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Path root = SharedStack.temporaryDirectory("reelforge-dashboard-it-");

    @AfterEach
    void removeDirectory() {
        SharedStack.deleteRecursively(root);
    }

    @Test
    void anEditedPageIsServedAfterARestartAndARemovedFileIsGone() throws IOException {
        Path site = root.resolve("site");
        Path dashboard = site.resolve("dashboard");
        copyDirectory(ProjectFiles.root().resolve("dashboard"), dashboard);
        Files.copy(ProjectFiles.template(), site.resolve("template.yaml"));
        Files.writeString(dashboard.resolve("js/scratch.js"), "export const scratch = 1;\n");

        try (LocalStack stack = start(site)) {
            URI served = stack.descriptor().services().get("dashboard");
            HttpResponse<String> scratch = get(served.resolve("js/scratch.js"));
            assertThat(scratch.statusCode()).isEqualTo(200);
            assertThat(scratch.headers().firstValue("Content-Type").orElse("").replace(" ", ""))
                    .isEqualTo("text/javascript;charset=utf-8");
            assertThat(scratch.headers().firstValue("Cache-Control")).contains("no-cache");
            assertThat(get(served.resolve("/")).body()).doesNotContain("edited between two starts");
        }

        Files.writeString(dashboard.resolve("index.html"),
                Files.readString(dashboard.resolve("index.html")) + "<!-- edited between two starts -->\n");
        Files.delete(dashboard.resolve("js/scratch.js"));

        try (LocalStack stack = start(site)) {
            URI served = stack.descriptor().services().get("dashboard");
            assertThat(get(served.resolve("/")).body()).contains("<!-- edited between two starts -->");
            assertThat(get(served.resolve("js/scratch.js")).statusCode()).isIn(403, 404);
            assertThat(get(served.resolve("config.json")).body()).contains(stack.apiUrl().toString());
        }
    }

    private LocalStack start(Path site) {
        return LocalStack.start(new LocalStack.Options(site.resolve("template.yaml"), root.resolve("data"), 0,
                line -> {}, true, RenderTestStack.sharedFfmpeg(), Map.of()));
    }

    private static HttpResponse<String> get(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
