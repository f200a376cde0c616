package dev.reelforge.media;

import dev.reelforge.core.edit.model.Size;
import java.nio.file.Path;

/** The sandbox watermark as a local image file and its size in pixels. */
public record WatermarkImage(Path file, Size size) {}
