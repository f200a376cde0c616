package dev.reelforge.core.video.download;

import java.util.Collection;

/** The downloadables' files in temporary storage. Deleting a file that is not there is not an error. */
public interface DownloadFiles {

    void delete(Collection<String> objectKeys);
}
