package dev.reelforge.core.ingest;

/** How a rendition fills a size whose aspect ratio differs from the source's (the Ingest API's {@code fit}). */
public enum RenditionFit {
    /** Scaled to fill the size, aspect kept, the excess cropped (the default). */
    CROP,
    /** Stretched to the size, aspect not kept. */
    COVER,
    /** Scaled to fit inside the size, aspect kept. */
    CONTAIN
}
