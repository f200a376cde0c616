package dev.reelforge.media;

/**
 * The pixel formats a composition is made in: 4:2:0 for video, which is what the intermediate carries
 * anyway, and 4:4:4 for a still image, where one frame is cheap and coloured edges (red text) stay sharp.
 */
enum ChromaSampling {
    YUV420("yuv420p", "yuva420p", "yuv420"),
    YUV444("yuv444p", "yuva444p", "yuv444");

    private final String opaque;
    private final String withAlpha;
    private final String overlay;

    ChromaSampling(String opaque, String withAlpha, String overlay) {
        this.opaque = opaque;
        this.withAlpha = withAlpha;
        this.overlay = overlay;
    }

    /** The composite's pixel format. */
    String opaque() {
        return opaque;
    }

    /** A layer's pixel format. */
    String withAlpha() {
        return withAlpha;
    }

    /** The overlay filter's {@code format}. */
    String overlay() {
        return overlay;
    }
}
