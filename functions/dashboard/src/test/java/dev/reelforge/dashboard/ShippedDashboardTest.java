package dev.reelforge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the dashboard's files are found, unpacked (Lambda, the build) or inside a jar on the class path. */
class ShippedDashboardTest {

    @TempDir
    Path directory;

    @Test
    void theBuildCarriesTheReposDashboardFiles() throws IOException {
        Path shipped = ShippedDashboard.files();

        assertThat(shipped.resolve("index.html")).hasSameBinaryContentAs(Path.of("../../dashboard/index.html"));
        assertThat(shipped.resolve("js/app.js")).hasSameBinaryContentAs(Path.of("../../dashboard/js/app.js"));
    }

    @Test
    void filesInsideAJarAreWalkedAsADirectory() throws IOException {
        Path jar = directory.resolve("dashboard.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "dashboard/index.html", "<!doctype html>");
            put(out, "dashboard/js/app.js", "export {};");
            put(out, "dev/reelforge/Other.class", "not the dashboard's");
        }

        Path files = ShippedDashboard.directoryOf(URI.create("jar:" + jar.toUri() + "!/dashboard/index.html").toURL());
        List<String> found;
        try (Stream<Path> walk = Files.walk(files)) {
            found = walk.filter(Files::isRegularFile).map(file -> files.relativize(file).toString()).sorted().toList();
        }

        assertThat(found).containsExactly("index.html", "js/app.js");
        assertThat(Files.readString(files.resolve("js/app.js"))).isEqualTo("export {};");
        // a second lookup (another invocation of a warm function) finds the jar's file system still open
        assertThat(ShippedDashboard.directoryOf(URI.create("jar:" + jar.toUri() + "!/dashboard/index.html").toURL()))
                .isEqualTo(files);
    }

    private static void put(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
