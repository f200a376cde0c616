package dev.reelforge.aws.mediaconvert;

import dev.reelforge.core.edit.model.Size;
import java.util.Objects;
import java.util.Optional;

/**
 * What every MediaConvert job of a deployment shares.
 *
 * @param roleArn        the role MediaConvert assumes to read the intermediate and write the outputs
 * @param queueArn       the queue jobs go to; the account's Default queue when empty
 * @param watermarkImage where the sandbox watermark is ({@code s3://bucket/assets/watermark.png}; PNG, TGA or BMP)
 * @param watermarkSize  the watermark image's own size in pixels: its aspect ratio decides the drawn height, and
 *                       MediaConvert needs both to place the image in the bottom-right corner
 */
public record MediaConvertSettings(String roleArn, Optional<String> queueArn, String watermarkImage,
        Size watermarkSize) {

    public MediaConvertSettings {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(queueArn, "queueArn");
        Objects.requireNonNull(watermarkImage, "watermarkImage");
        Objects.requireNonNull(watermarkSize, "watermarkSize");
        if (watermarkSize.width() <= 0 || watermarkSize.height() <= 0) {
            throw new IllegalArgumentException("watermarkSize must be positive: " + watermarkSize);
        }
    }
}
