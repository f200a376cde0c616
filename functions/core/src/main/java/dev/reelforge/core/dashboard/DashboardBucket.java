package dev.reelforge.core.dashboard;

import java.util.Collection;
import java.util.Set;

/** Where the dashboard's static files are kept, served as they are by its distribution: one object per file. */
public interface DashboardBucket {

    /** Writes (or overwrites) the object at {@code key}, served with these Content-Type and Cache-Control headers. */
    void put(String key, byte[] content, String contentType, String cacheControl);

    /** Every key in the bucket. */
    Set<String> keys();

    /** Removes these objects (keys not there are no error). */
    void delete(Collection<String> keys);
}
