package dev.reelforge.core.ingest;

import java.util.UUID;

/**
 * A rendition job's end arrived while its source is still being imported (the job was started, its readiness not yet
 * recorded): the event is to be delivered again, by when the source names its job.
 */
public final class SourceNotReadyException extends RuntimeException {

    public SourceNotReadyException(UUID sourceId, String jobId) {
        super("source " + sourceId + " is not ready yet for the end of job " + jobId);
    }
}
