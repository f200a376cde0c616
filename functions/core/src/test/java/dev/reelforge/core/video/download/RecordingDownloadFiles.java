package dev.reelforge.core.video.download;

import dev.reelforge.core.asset.Asset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Temporary storage as a set of keys: the maker writes the downloadable's key (or answers what it is told to), the
 * files delete keys, the URLs are fake signed URLs naming key and expiry. Records every call.
 */
final class RecordingDownloadFiles implements DownloadMaker, DownloadFiles, DownloadUrls {

    final Set<String> stored = new LinkedHashSet<>();
    final List<String> made = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();
    MakeOutcome outcome = new MakeOutcome.Made(1234);
    Runnable duringMake = () -> {};
    RuntimeException failure;

    @Override
    public MakeOutcome make(Asset video, Downloadable downloadable) {
        if (failure != null) {
            throw failure;
        }
        made.add(downloadable.objectKey());
        duringMake.run();
        if (outcome instanceof MakeOutcome.Made) {
            stored.add(downloadable.objectKey());
        }
        return outcome;
    }

    @Override
    public void delete(Collection<String> objectKeys) {
        if (failure != null) {
            throw failure;
        }
        deleted.addAll(objectKeys);
        stored.removeAll(objectKeys);
    }

    @Override
    public String urlOf(String key, Instant expires) {
        return "https://temporary.example/" + key + "?Expires=" + expires.getEpochSecond();
    }
}
