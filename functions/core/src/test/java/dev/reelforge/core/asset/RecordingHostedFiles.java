package dev.reelforge.core.asset;

import java.util.ArrayList;
import java.util.List;

/** Remembers which hosted files were deleted ({@code owner/filename}); can be made to fail. */
final class RecordingHostedFiles implements HostedFiles {

    final List<String> deleted = new ArrayList<>();
    RuntimeException failure;

    @Override
    public void delete(String owner, String filename) {
        if (failure != null) {
            throw failure;
        }
        deleted.add(owner + "/" + filename);
    }
}
