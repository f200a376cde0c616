package dev.reelforge.pipeline;

import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.pipeline.Storage;
import dev.reelforge.media.WatermarkImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sandbox watermark that ships in the worker's jar ({@code watermark.png}), put where MediaConvert's
 * image inserter reads it.
 */
final class Watermark {

    private static final String RESOURCE = "watermark.png";

    private Watermark() {}

    /**
     * Writes the watermark into {@code workDirectory} for the composer, uploads it to {@code key} for the
     * encoder (idempotent), and returns the local copy and its size.
     */
    static WatermarkImage publish(Storage storage, String key, Path workDirectory) {
        try (InputStream in = Watermark.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the worker's jar");
            }
            byte[] png = in.readAllBytes();
            Files.createDirectories(workDirectory);
            Path file = workDirectory.resolve(RESOURCE);
            Files.write(file, png);
            storage.put(key, file, "image/png");
            return new WatermarkImage(file, pngSize(png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the watermark", e);
        }
    }

    /** A PNG's width and height are the first fields of its IHDR chunk, right after the signature. */
    static Size pngSize(byte[] png) {
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        return new Size(header.getInt(), header.getInt());
    }
}
