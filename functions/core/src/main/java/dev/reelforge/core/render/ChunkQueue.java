package dev.reelforge.core.render;

/** Where the chunks of a render composed in parts are ordered, each composed by an invocation of its own. */
public interface ChunkQueue {

    /** Orders the chunk composed; ordering it again composes it again, which changes nothing. */
    void submit(ChunkOrder order);
}
