package dev.reelforge.dashboard;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * @param files  the directory of the dashboard's files (the jar's {@code dashboard/}, or the repo's while developing)
 * @param apiUrl the Shotstack API's base URL the pages call, written to {@code config.json}
 */
public record PublishDashboardCommand(Path files, URI apiUrl) {

    public PublishDashboardCommand {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(apiUrl, "apiUrl");
        String scheme = apiUrl.getScheme() == null ? "" : apiUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || apiUrl.getHost() == null
                || apiUrl.getRawQuery() != null || apiUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("the API URL must be an http(s) URL with no query: " + apiUrl);
        }
    }
}
