package dev.reelforge.dashboard;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * @param files          the directory of the dashboard's files (the jar's {@code dashboard/}, or the repo's while
 *                       developing)
 * @param apiUrl         the Shotstack API's base URL the pages call, written to {@code config.json}
 * @param ibmApiUrl      the IBM API's, when it is not {@code apiUrl} (its own API on AWS; one port locally)
 * @param picovicoApiUrl the Picovico API's, likewise
 */
public record PublishDashboardCommand(Path files, URI apiUrl, Optional<URI> ibmApiUrl, Optional<URI> picovicoApiUrl) {

    public PublishDashboardCommand {
        Objects.requireNonNull(files, "files");
        checkApiUrl(Objects.requireNonNull(apiUrl, "apiUrl"));
        Objects.requireNonNull(ibmApiUrl, "ibmApiUrl").ifPresent(PublishDashboardCommand::checkApiUrl);
        Objects.requireNonNull(picovicoApiUrl, "picovicoApiUrl").ifPresent(PublishDashboardCommand::checkApiUrl);
    }

    /** Every face at the one API URL (the embedded stack serves them on one port). */
    public PublishDashboardCommand(Path files, URI apiUrl) {
        this(files, apiUrl, Optional.empty(), Optional.empty());
    }

    private static void checkApiUrl(URI apiUrl) {
        String scheme = apiUrl.getScheme() == null ? "" : apiUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || apiUrl.getHost() == null
                || apiUrl.getRawQuery() != null || apiUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("the API URL must be an http(s) URL with no query: " + apiUrl);
        }
    }
}
