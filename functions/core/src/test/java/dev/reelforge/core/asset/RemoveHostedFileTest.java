package dev.reelforge.core.asset;

import static dev.reelforge.core.asset.AssetFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.Environment;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A deleted asset's file is removed by the hosting flow; nothing else loses its file. */
class RemoveHostedFileTest {

    private final AssetFixture fixture = new AssetFixture();
    private final InMemoryAssets assets = fixture.assets;
    private final RecordingHostedFiles hostedFiles = fixture.hostedFiles;
    private final RecordingAssetDownloads downloads = fixture.downloads;
    private final RecordingAssetListings listings = fixture.listings;
    private final RemoveHostedFile removeHostedFile = new RemoveHostedFile(assets, hostedFiles, downloads, listings);

    private Asset deleted() {
        Asset asset = fixture.asset(OWNER, Environment.STAGE, fixture.render(OWNER, Environment.STAGE), ".mp4");
        new DeleteAsset(assets, fixture.clock).delete(new DeleteAssetCommand(OWNER, Environment.STAGE, asset.id()));
        return asset;
    }

    @Test
    void removesTheFileOfADeletedAssetAndItIsNoLongerDue() {
        Asset asset = deleted();

        RemoveHostedFileResult result = removeHostedFile.remove(new RemoveHostedFileCommand(OWNER, asset.id()));

        assertThat(result).isEqualTo(new RemoveHostedFileResult.Removed(new AssetKey(OWNER, asset.id()),
                asset.filename()));
        assertThat(hostedFiles.deleted).containsExactly(OWNER + "/" + asset.filename());
        assertThat(downloads.removed).as("its downloadable copies go with it").containsExactly(asset.id());
        assertThat(listings.unlisted).as("and it leaves the listings").containsExactly(asset.id());
        assertThat(assets.removalDue(OWNER, asset.id())).isFalse();
    }

    @Test
    void whenItsDownloadsCannotBeRemovedTheRemovalStaysDueSoItIsRetried() {
        Asset asset = deleted();
        downloads.failure = new IllegalStateException("DynamoDB is down");

        assertThatThrownBy(() -> removeHostedFile.remove(new RemoveHostedFileCommand(OWNER, asset.id())))
                .hasMessage("DynamoDB is down");
        assertThat(assets.removalDue(OWNER, asset.id())).isTrue();

        downloads.failure = null;
        assertThat(removeHostedFile.remove(new RemoveHostedFileCommand(OWNER, asset.id())))
                .isInstanceOf(RemoveHostedFileResult.Removed.class);
        assertThat(downloads.removed).containsExactly(asset.id());
        assertThat(assets.removalDue(OWNER, asset.id())).isFalse();
    }

    @Test
    void aRepeatedEventRemovesAgainHarmlessly() {
        Asset asset = deleted();
        removeHostedFile.remove(new RemoveHostedFileCommand(OWNER, asset.id()));

        assertThat(removeHostedFile.remove(new RemoveHostedFileCommand(OWNER, asset.id())))
                .isInstanceOf(RemoveHostedFileResult.Removed.class);
        assertThat(hostedFiles.deleted).hasSize(2);
    }

    @Test
    void anAssetThatIsNotDeletedKeepsItsFile() {
        Asset ready = fixture.asset(OWNER, Environment.STAGE, fixture.render(OWNER, Environment.STAGE), ".mp4");

        assertThat(removeHostedFile.remove(new RemoveHostedFileCommand(OWNER, ready.id())))
                .isEqualTo(new RemoveHostedFileResult.NotDeleted(new AssetKey(OWNER, ready.id()), AssetStatus.READY));
        assertThat(removeHostedFile.remove(new RemoveHostedFileCommand(OWNER, UUID.randomUUID())))
                .isInstanceOf(RemoveHostedFileResult.NotFound.class);
        assertThat(hostedFiles.deleted).isEmpty();
        assertThat(downloads.removed).isEmpty();
    }

    @Test
    void whenTheFileCannotBeRemovedItStaysDueSoTheRemovalIsRetried() {
        Asset asset = deleted();
        hostedFiles.failure = new IllegalStateException("S3 is down");

        assertThatThrownBy(() -> removeHostedFile.remove(new RemoveHostedFileCommand(OWNER, asset.id())))
                .hasMessage("S3 is down");
        assertThat(assets.removalDue(OWNER, asset.id())).isTrue();

        hostedFiles.failure = null;
        assertThat(removeHostedFile.remove(new RemoveHostedFileCommand(OWNER, asset.id())))
                .isInstanceOf(RemoveHostedFileResult.Removed.class);
        assertThat(assets.removalDue(OWNER, asset.id())).isFalse();
    }
}
