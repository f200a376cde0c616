package dev.reelforge.videos;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.core.video.download.DownloadFormat;
import dev.reelforge.core.video.download.DownloadableKey;
import dev.reelforge.core.video.download.PrepareDownloadableCommand;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the downloadables table's stream records (NEW_IMAGE) the makers take: the owner, the id
 * {@code <videoId>#<format>} and the generation of a pending downloadable. A record without them (a removal, the
 * stream filter loosened) is nobody's work here.
 */
final class DownloadableRecords {

    private DownloadableRecords() {}

    static Optional<PrepareDownloadableCommand> commandOf(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> image = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
        if (image == null || text(image, "owner").isEmpty() || text(image, "id").isEmpty()
                || image.get("generation") == null || image.get("generation").getN() == null) {
            return Optional.empty();
        }
        String id = text(image, "id").get();
        int separator = id.indexOf('#');
        if (separator < 0) {
            return Optional.empty();
        }
        Optional<DownloadFormat> format = DownloadFormat.fromWireName(id.substring(separator + 1));
        if (format.isEmpty()) {
            return Optional.empty();
        }
        DownloadableKey key = new DownloadableKey(text(image, "owner").get(),
                UUID.fromString(id.substring(0, separator)), format.get());
        return Optional.of(new PrepareDownloadableCommand(key, Long.parseLong(image.get("generation").getN())));
    }

    private static Optional<String> text(Map<String, AttributeValue> image, String name) {
        return Optional.ofNullable(image.get(name)).map(AttributeValue::getS);
    }
}
