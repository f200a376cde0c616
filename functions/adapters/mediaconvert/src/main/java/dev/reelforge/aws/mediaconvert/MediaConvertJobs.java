package dev.reelforge.aws.mediaconvert;

import dev.reelforge.core.pipeline.EncodingJobs;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.SdkClients;
import java.util.Set;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.BadRequestException;
import software.amazon.awssdk.services.mediaconvert.model.ConflictException;
import software.amazon.awssdk.services.mediaconvert.model.JobStatus;
import software.amazon.awssdk.services.mediaconvert.model.NotFoundException;

/**
 * MediaConvert's jobs, for cancelling them (CancelJob). MediaConvert refuses to cancel a job that has finished (a
 * conflict with the job's state): such a refusal is read back with GetJob and accepted when the job has indeed
 * finished, so a cancel racing the job's completion, or repeated, is no failure; a job MediaConvert does not know
 * (purged after its retention) has nothing left to cancel.
 */
public final class MediaConvertJobs implements EncodingJobs {

    private static final Set<JobStatus> FINISHED = Set.of(JobStatus.COMPLETE, JobStatus.ERROR, JobStatus.CANCELED);

    private final MediaConvertClient mediaConvert;

    public MediaConvertJobs(MediaConvertClient mediaConvert) {
        this.mediaConvert = mediaConvert;
    }

    /** The jobs of the MediaConvert the function's environment names (the account's endpoint in its region). */
    public static MediaConvertJobs of(FunctionEnvironment environment) {
        return new MediaConvertJobs(SdkClients.configure(MediaConvertClient.builder(), environment, "MEDIACONVERT")
                .build());
    }

    @Override
    public void cancel(String jobId) {
        try {
            mediaConvert.cancelJob(cancel -> cancel.id(jobId));
        } catch (NotFoundException gone) {
            // nothing left to cancel
        } catch (ConflictException | BadRequestException refused) {
            JobStatus status = mediaConvert.getJob(get -> get.id(jobId)).job().status();
            if (!FINISHED.contains(status)) {
                throw refused;
            }
        }
    }
}
