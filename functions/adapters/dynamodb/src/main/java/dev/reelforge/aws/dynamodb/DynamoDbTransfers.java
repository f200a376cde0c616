package dev.reelforge.aws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.transfer.Transfers;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Transfers in the assets table: an asset item as {@link DynamoDbAssets} writes it, plus {@value #TRANSFER_URL}, the
 * URL its file is fetched from. The table's stream, filtered to inserts with that attribute (template.yaml), sets the
 * transfer flow going; every later change is the asset's own ({@link DynamoDbAssets}).
 */
public final class DynamoDbTransfers implements Transfers {

    /** The attribute that makes an asset a transfer, and the stream filter's key. */
    public static final String TRANSFER_URL = "transferUrl";
    /**
     * The transfer's {@code destinations} as sent (JSON), kept only when it has s3 ones: the stream filter of the
     * delivery to them ({@code DeliverTransfersFunction}) keys on it.
     */
    public static final String TRANSFER_DESTINATIONS = "transferDestinations";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbTransfers(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void begin(Asset importing, String url, Optional<JsonNode> destinations) {
        if (importing.status() != AssetStatus.IMPORTING) {
            throw new IllegalArgumentException("a transfer begins importing, not " + importing.status().wireName());
        }
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbAssets.toItem(importing));
        item.put(TRANSFER_URL, AttributeValue.fromS(url));
        destinations.ifPresent(sent -> item.put(TRANSFER_DESTINATIONS, AttributeValue.fromS(Json.write(sent))));
        // a new random id: the condition only guards against the impossible
        dynamoDb.putItem(put -> put.tableName(tableName)
                .item(item)
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", DynamoDbAssets.ID)));
    }
}
