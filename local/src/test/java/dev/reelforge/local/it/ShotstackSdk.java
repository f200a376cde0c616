package dev.reelforge.local.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shotstack's official Node SDK (npm {@code shotstack-sdk}, the version pinned in
 * {@code local/src/test/node/shotstack-sdk/package-lock.json}), installed from npm on first use into
 * {@code local/target/shotstack-sdk} with {@code npm ci}, and a driver script that calls it as its README does,
 * changing only the base path. Each scenario runs in its own Node process and prints one JSON object.
 */
final class ShotstackSdk {

    private static final Path SOURCES = ProjectFiles.root().resolve("local/src/test/node/shotstack-sdk");
    private static final Path INSTALLED = ProjectFiles.root().resolve("local/target/shotstack-sdk");
    private static final Duration INSTALL_AT_MOST = Duration.ofMinutes(5);
    private static final Duration SCENARIO_AT_MOST = Duration.ofMinutes(4);

    private final URI apiUrl;
    private final String apiKey;
    private final String stage;

    private ShotstackSdk(URI apiUrl, String apiKey, String stage) {
        this.apiUrl = apiUrl;
        this.apiKey = apiKey;
        this.stage = stage;
    }

    /** The SDK, installed if it is not yet, pointed at {@code apiUrl} with {@code apiKey} on {@code stage}. */
    static synchronized ShotstackSdk against(URI apiUrl, String apiKey, String stage) {
        install();
        return new ShotstackSdk(apiUrl, apiKey, stage);
    }

    /**
     * Runs a scenario of drive.js with its inputs; returns what it printed, which is {@code {"error": ...}}
     * (with the failing call's {@code status} and {@code body}) when a call failed.
     */
    JsonNode run(String scenario, JsonNode inputs) {
        ProcessBuilder node = new ProcessBuilder("node", "drive.js", scenario)
                .directory(INSTALLED.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        String base = apiUrl.toString().replaceAll("/+$", "");
        node.environment().put("REELFORGE_API", base);
        node.environment().put("REELFORGE_KEY", apiKey);
        node.environment().put("REELFORGE_STAGE", stage);
        node.environment().put("REELFORGE_ARGS", inputs.toString());
        String printed = runToEnd(node, SCENARIO_AT_MOST);
        return Json.parseTrusted(printed);
    }

    private static void install() {
        try {
            Files.createDirectories(INSTALLED);
            for (String file : List.of("package.json", "package-lock.json", "drive.js")) {
                Files.copy(SOURCES.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Path lock = INSTALLED.resolve("node_modules/.package-lock.json");
            if (Files.isRegularFile(lock) && Files.getLastModifiedTime(lock).compareTo(
                    Files.getLastModifiedTime(SOURCES.resolve("package-lock.json"))) >= 0) {
                return;
            }
            runToEnd(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(INSTALLED.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT), INSTALL_AT_MOST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String runToEnd(ProcessBuilder builder, Duration atMost) {
        try {
            Path printedTo = Files.createTempFile(INSTALLED, "printed-", ".json");
            try {
                Process process = builder.redirectOutput(printedTo.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(atMost.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(builder.command() + " did not end within " + atMost);
                }
                String printed = Files.readString(printedTo);
                if (process.exitValue() != 0 && !printed.startsWith("{")) {
                    throw new IllegalStateException(builder.command() + " exited " + process.exitValue() + ": "
                            + printed);
                }
                return printed;
            } finally {
                Files.deleteIfExists(printedTo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
