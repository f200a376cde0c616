package dev.reelforge.core.upload;

import dev.reelforge.core.Environment;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A photo or music to add: a file already received ({@code PUT}), or a URL to fetch ({@code POST url}).
 *
 * @param declared the format the owner declared (a Content-Type), if any
 */
public record AddUploadCommand(String owner, Environment environment, UploadKind kind, Source source,
        Optional<UploadFormat> declared) {

    public AddUploadCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(declared, "declared");
    }

    public sealed interface Source {

        /** The body received, in a file of the caller's that it removes afterwards. */
        record Received(Path file) implements Source {}

        /** A URL the owner names, fetched through the address guard into {@code workFile}. */
        record Fetched(URI url, Path workFile) implements Source {}
    }
}
