package dev.reelforge.media;

/** A font at a size in pixels per em, measuring text as drawtext draws it. */
record SizedFont(TrueTypeMetrics metrics, double sizePx) {

    double width(String text) {
        return text.isEmpty() ? 0 : metrics.width(text, sizePx);
    }

    double ascent() {
        return metrics.ascent(sizePx);
    }

    double descent() {
        return metrics.descent(sizePx);
    }
}
