package dev.reelforge.core.ingest;

import dev.reelforge.core.Environment;
import java.util.List;
import java.util.Optional;

/** A signed URL to upload a source's file to, and the renditions to make of it (a Reelforge extension). */
public record RequestSourceUploadCommand(String owner, Environment environment, List<RequestedRendition> renditions,
        Optional<String> callback) {

    public RequestSourceUploadCommand {
        renditions = List.copyOf(renditions);
    }
}
