package dev.reelforge.core.asset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A temporary bucket of named objects and the copies made from it ({@code owner/filename}); can be made to
 * fail the next copies as an outage would, or to run something in the middle of a copy.
 */
final class InMemoryHostingCopier implements HostingCopier {

    final Set<String> sources = new HashSet<>();
    final List<String> copied = new ArrayList<>();
    int outages;
    Runnable duringCopy = () -> {};

    @Override
    public CopyOutcome copy(String bucket, String key, String owner, String filename) {
        if (outages > 0) {
            outages--;
            throw new HostingCopyFailedException("storage unavailable", null);
        }
        if (!sources.contains(key)) {
            return new CopyOutcome.SourceMissing(bucket, key);
        }
        duringCopy.run();
        copied.add(owner + "/" + filename);
        return new CopyOutcome.Copied(1234, "video/mp4");
    }
}
