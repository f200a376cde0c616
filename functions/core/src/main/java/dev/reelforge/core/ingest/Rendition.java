package dev.reelforge.core.ingest;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One rendition a source asked for, and what became of it.
 *
 * @param transformation the rendition as the request gave it (JSON), shown back as its {@code transformation}
 * @param filename       the hosted file's name once made ({@code {sourceId}-{name}.{ext}} in the owner's part of the
 *                       hosting bucket)
 * @param url            where the CDN serves it, once ready
 * @param executionTime  milliseconds from the job's start to its end, once ended
 */
public record Rendition(UUID id, RenditionSpec spec, String transformation, RenditionStatus status,
        Optional<String> filename, Optional<String> url, OptionalInt width, OptionalInt height,
        OptionalDouble duration, OptionalDouble fps, OptionalLong executionTime, Optional<String> error) {

    public Rendition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(transformation, "transformation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(fps, "fps");
        Objects.requireNonNull(executionTime, "executionTime");
        Objects.requireNonNull(error, "error");
    }

    /** A rendition just asked for. */
    public static Rendition queued(UUID id, RenditionSpec spec, String transformation) {
        return new Rendition(id, spec, transformation, RenditionStatus.QUEUED, Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalLong.empty(), Optional.empty());
    }

    /** The file's name without extension: the rendition's {@code filename} when given, else its id. */
    public String baseName(UUID sourceId) {
        return sourceId + "-" + spec.filename().orElse(id.toString());
    }

    public Rendition failed(String reason) {
        return new Rendition(id, spec, transformation, RenditionStatus.FAILED, Optional.empty(), Optional.empty(),
                width, height, duration, fps, executionTime, Optional.of(reason));
    }

    public Rendition deleted() {
        return new Rendition(id, spec, transformation, RenditionStatus.DELETED, filename, Optional.empty(), width,
                height, duration, fps, executionTime, error);
    }
}
