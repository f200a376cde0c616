package dev.reelforge.core.transfer;

import java.nio.file.Path;

/** The hosting bucket behind the CDN, as transfers write to it: each owner's files by filename. */
public interface TransferredFiles {

    /** Stores the file as the owner's hosted {@code filename}, replacing any earlier copy. */
    void store(Path file, String owner, String filename);

    /** Removes the owner's hosted {@code filename}; removing a missing file is no error. */
    void remove(String owner, String filename);
}
