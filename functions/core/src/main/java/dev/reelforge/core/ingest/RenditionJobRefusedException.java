package dev.reelforge.core.ingest;

/**
 * The encoder refused a rendition job as invalid (MediaConvert's 400): starting it again cannot help, unlike an
 * outage, so the renditions it was to make fail at once rather than when their deadline passes.
 */
public final class RenditionJobRefusedException extends RuntimeException {

    public RenditionJobRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
