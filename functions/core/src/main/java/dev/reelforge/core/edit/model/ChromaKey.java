package dev.reelforge.core.edit.model;

/**
 * A video's {@code chromaKey}: pixels whose RGB distance (0-255 per channel, Euclidean) from {@code color} is
 * within {@code threshold} become transparent; over the next {@code halo} of distance they fade back in.
 */
public record ChromaKey(Color color, int threshold, int halo) {

    /** Shotstack's own guide keys with these (its green-screen example); used for what the edit leaves out. */
    public static final Color DEFAULT_COLOR = new Color(0, 255, 0, 255);
    public static final int DEFAULT_THRESHOLD = 150;
    public static final int DEFAULT_HALO = 100;
}
