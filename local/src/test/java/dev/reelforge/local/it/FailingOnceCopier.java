package dev.reelforge.local.it;

import dev.reelforge.core.asset.HostingCopier;
import dev.reelforge.core.asset.HostingCopyFailedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fault S3Proxy cannot be made to produce on demand: the first copy of {@code failingKey} fails as a
 * throttled or unreachable S3 would, before anything is copied; every other copy, and that one's retry,
 * goes to the real copier. Remembers every key it was asked to copy, in order.
 */
final class FailingOnceCopier implements HostingCopier {

    private final HostingCopier real;
    private final String failingKey;
    private final Set<String> failed = new HashSet<>();
    final List<String> asked = new ArrayList<>();

    FailingOnceCopier(HostingCopier real, String failingKey) {
        this.real = real;
        this.failingKey = failingKey;
    }

    @Override
    public synchronized CopyOutcome copy(String bucket, String key, String owner, String filename) {
        asked.add(key);
        if (key.equals(failingKey) && failed.add(key)) {
            throw new HostingCopyFailedException("copying s3://" + bucket + "/" + key + " failed: SlowDown (injected)",
                    null);
        }
        return real.copy(bucket, key, owner, filename);
    }
}
