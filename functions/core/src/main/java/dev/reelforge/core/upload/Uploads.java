package dev.reelforge.core.upload;

import dev.reelforge.core.Environment;
import java.util.List;
import java.util.Optional;

/** The owners' uploads (their items; the files are {@link UploadFiles}'). */
public interface Uploads {

    /** Records a new upload; ids are unique, so an existing one is a defect (thrown). */
    void add(Upload upload);

    Optional<Upload> find(String owner, Environment environment, UploadKind kind, String id);

    /** The upload with this id in any of the owner's environments (an S3 event names the owner and id only). */
    Optional<Upload> findAnywhere(String owner, UploadKind kind, String id);

    /** The owner's uploads of {@code kind}, newest first, at most {@code limit}, older than {@code before} if given. */
    List<Upload> list(String owner, Environment environment, UploadKind kind, Optional<String> before, int limit);

    /**
     * Replaces a pending upload with its checked self ({@link UploadStatus#READY} or {@link UploadStatus#FAILED});
     * false when it is no longer pending (checked already, or deleted).
     */
    boolean settle(Upload checked);

    /** Removes the item; false when there was none. */
    boolean remove(String owner, Environment environment, UploadKind kind, String id);
}
