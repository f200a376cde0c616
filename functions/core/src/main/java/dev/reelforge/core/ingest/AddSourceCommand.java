package dev.reelforge.core.ingest;

import dev.reelforge.core.Environment;
import dev.reelforge.core.url.FetchableUrl;
import java.util.List;
import java.util.Optional;

/** Ingest the file at {@code url} (its form checked; it is fetched later, through the guard). */
public record AddSourceCommand(String owner, Environment environment, FetchableUrl url,
        List<RequestedRendition> renditions, Optional<String> callback) {

    public AddSourceCommand {
        renditions = List.copyOf(renditions);
    }
}
