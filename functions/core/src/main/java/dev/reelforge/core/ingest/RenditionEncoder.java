package dev.reelforge.core.ingest;

import java.util.List;
import java.util.Objects;

/**
 * Makes every rendition of an ingested source in one encoding job (MediaConvert on AWS and on the embedded
 * stack), one output per rendition, so the source is read and decoded once. The outcome arrives later as the
 * job's state-change events.
 */
public interface RenditionEncoder {

    /**
     * Starts the job; starting it again for the same source does not start a second one. Returns its id.
     *
     * @throws RenditionJobRefusedException when the encoder refuses the job's settings (retrying cannot help)
     */
    String start(RenditionJob job);

    /**
     * @param sourceId    the ingested source, whose job this is (also what makes a repeated start the same job)
     * @param owner       the source's owner
     * @param input       the stored source, as the storage names it ({@code s3://bucket/key})
     * @param media       what the source holds, as probed
     * @param renditions  what to make, in the order the source listed them
     */
    record RenditionJob(String sourceId, String owner, String input, SourceMedia media,
            List<RenditionOutput> renditions) {

        public RenditionJob {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(media, "media");
            renditions = List.copyOf(renditions);
            if (renditions.isEmpty()) {
                throw new IllegalArgumentException("a rendition job makes at least one rendition");
            }
        }
    }

    /**
     * One rendition to make.
     *
     * @param renditionId the rendition's id
     * @param spec        what it is
     * @param destination where the file goes, without its extension, as the storage names it
     *                    ({@code s3://bucket/key-without-extension}); the encoder adds the format's extension
     */
    record RenditionOutput(String renditionId, RenditionSpec spec, String destination) {

        public RenditionOutput {
            Objects.requireNonNull(renditionId, "renditionId");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /**
     * What an ingested source holds, as probed.
     *
     * @param width    pixels, 0 without pictures
     * @param height   pixels, 0 without pictures
     * @param duration seconds, 0 for a still
     * @param fps      frames per second, 0 for a still or audio
     */
    record SourceMedia(boolean hasVideo, boolean hasAudio, int width, int height, double duration, double fps) {}
}
