package dev.reelforge.core.probe;

import java.util.Objects;

/** Probe the media at {@code url}, as the user wrote it (already percent-decoded from the request path). */
public record ProbeMediaCommand(String url) {

    public ProbeMediaCommand {
        Objects.requireNonNull(url, "url");
    }
}
