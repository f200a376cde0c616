package dev.reelforge.core.pipeline;

/**
 * Hands out the temporary URLs of a render's outputs: links anyone may download an object of the temporary
 * storage with, for 24 hours from the moment they are handed out (the life of the outputs themselves).
 */
public interface TemporaryUrls {

    /** The URL of the object at {@code key} of the temporary storage, valid for 24 hours from now. */
    String urlOf(String key);
}
