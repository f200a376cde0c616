package dev.reelforge.core.video.download;

import static dev.reelforge.core.video.download.DownloadFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No downloadable stays pending forever. */
class FailStuckDownloadablesTest {

    private static final Duration PATIENCE = Duration.ofMinutes(15);

    private final DownloadFixture fixture = new DownloadFixture();
    private final FailStuckDownloadables sweep = new FailStuckDownloadables(fixture.downloadables, fixture.clock);

    @Test
    void failsWhatIsStillPendingLongerThanThePatienceAndOnlyThat() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable stuck = ((RequestDownloadableResult.Requested) fixture.request(video, DownloadFormat.FLV))
                .downloadable();
        fixture.clock.advance(Duration.ofMinutes(14));
        Downloadable recent = ((RequestDownloadableResult.Requested) fixture.request(video, DownloadFormat.MP4))
                .downloadable();
        fixture.clock.advance(Duration.ofMinutes(1).plusMillis(1));

        FailStuckDownloadablesResult result = sweep.sweep(new FailStuckDownloadablesCommand(PATIENCE));

        assertThat(result.failed()).containsExactly(stuck.key());
        Downloadable failed = fixture.downloadables.find(stuck.key()).orElseThrow();
        assertThat(failed.status()).isEqualTo(DownloadableStatus.FAILED);
        assertThat(failed.error()).contains("the file was not made within 15 minutes of the request, so the request"
                + " was given up");
        assertThat(fixture.downloadables.find(recent.key()).orElseThrow().status())
                .isEqualTo(DownloadableStatus.PENDING);
        assertThat(fixture.get(video, DownloadFormat.FLV)).isEqualTo(DownloadableView.UNAVAILABLE);
        assertThat(fixture.request(video, DownloadFormat.FLV)).as("a new request starts over")
                .isInstanceOf(RequestDownloadableResult.Requested.class);
        assertThat(sweep.sweep(new FailStuckDownloadablesCommand(PATIENCE)).failed()).as("again").isEmpty();
    }

    @Test
    void aFunctionThatFinishesAfterTheSweepDeletesItsFile() {
        Asset video = fixture.video(OWNER, Environment.STAGE);
        Downloadable stuck = ((RequestDownloadableResult.Requested) fixture.request(video, DownloadFormat.FLV))
                .downloadable();
        fixture.files.duringMake = () -> {
            fixture.clock.advance(PATIENCE.plusSeconds(1));
            sweep.sweep(new FailStuckDownloadablesCommand(PATIENCE));
        };

        PrepareDownloadableResult result = fixture.preparer(DownloadFormat.FLV)
                .prepare(new PrepareDownloadableCommand(stuck.key(), 1));

        assertThat(result).isInstanceOf(PrepareDownloadableResult.Discarded.class);
        assertThat(fixture.files.stored).isEmpty();
        assertThat(fixture.downloadables.find(stuck.key()).orElseThrow().status()).isEqualTo(DownloadableStatus.FAILED);
    }
}
