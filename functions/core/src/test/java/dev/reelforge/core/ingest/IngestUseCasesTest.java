package dev.reelforge.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetId;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.InMemoryAssets;
import dev.reelforge.core.callback.Attempt;
import dev.reelforge.core.callback.DeliveryState;
import dev.reelforge.core.callback.InMemoryCallbackQueue;
import dev.reelforge.core.callback.InMemoryDeliveries;
import dev.reelforge.core.ingest.RenditionEncoder.RenditionJob;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.pipeline.SourceFetcher;
import dev.reelforge.core.url.FetchableUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestUseCasesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
    private static final MediaInfo VIDEO = new MediaInfo(OptionalDouble.of(2.0),
            Optional.of(new MediaInfo.VideoStream(640, 360, 25, "h264")),
            Optional.of(new MediaInfo.AudioStream(48000, 2, "aac")), MP4.length);
    private static final MediaInfo SOUND = new MediaInfo(OptionalDouble.of(2.0), Optional.empty(),
            Optional.of(new MediaInfo.AudioStream(48000, 2, "aac")), MP4.length);

    @TempDir
    Path work;

    private final InMemorySources sources = new InMemorySources();
    private final InMemorySourceFiles files = new InMemorySourceFiles();
    private final InMemoryAssets assets = new InMemoryAssets();
    private final List<RenditionJob> jobs = new ArrayList<>();
    private boolean encoderRefuses;
    /** Records the jobs it is asked for; refuses them, as MediaConvert's 400 does, when told to. */
    private final RenditionEncoder encoder = job -> {
        if (encoderRefuses) {
            throw new RenditionJobRefusedException("refused", new IllegalArgumentException("400"));
        }
        jobs.add(job);
        return "job-" + job.sourceId();
    };
    private byte[] served = MP4;
    private Optional<String> refusal = Optional.empty();
    private MediaInfo probed = VIDEO;
    private final SourceFetcher fetcher = (url, target) -> {
        if (refusal.isPresent()) {
            return new SourceFetcher.FetchResult.Refused(refusal.get());
        }
        InMemorySourceFiles.write(target, served);
        return new SourceFetcher.FetchResult.Fetched(target, served.length);
    };
    private final MediaProbe probe = file -> new MediaProbe.ProbeResult.Probed(probed);

    private ImportSource importSource(Clock clock) {
        return new ImportSource(sources, fetcher, files, probe, encoder, assets, "us-east-1", clock, work, 1000);
    }

    private static List<RequestedRendition> renditions(String json) {
        var node = Json.parseTrusted(json);
        List<RenditionSpec> specs = ((RenditionsReading.Read) new RenditionsReader().read(node)).renditions();
        List<RequestedRendition> requested = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            requested.add(new RequestedRendition(specs.get(i), Json.write(node.get(i))));
        }
        return requested;
    }

    private Source added(String renditions) {
        FetchableUrl url = ((FetchableUrl.Reading.Accepted) FetchableUrl.read("https://media.test/clip.mp4",
                Set.of("https", "http"))).url();
        return new AddSource(sources, CLOCK).add(new AddSourceCommand("ann", Environment.STAGE, url,
                renditions(renditions), Optional.of("https://hooks.test/ingest")));
    }

    private ImportSourceResult imported(Source source) {
        return importSource(CLOCK).importSource(new ImportSourceCommand("ann", source.id(), false));
    }

    @Test
    void aFetchedSourceIsStoredAsAnAssetProbedAndItsRenditionsMadeByOneJob() {
        Source source = added("[{\"size\":{\"width\":320,\"height\":180}},{\"format\":\"webm\",\"filename\":\"small\"}]");

        ImportSourceResult result = imported(source);

        assertThat(result).isInstanceOf(ImportSourceResult.Imported.class);
        Source ready = sources.get(source.id());
        assertThat(ready.status()).isEqualTo(SourceStatus.READY);
        String filename = source.id() + "-source.mp4";
        assertThat(ready.filename()).contains(filename);
        assertThat(ready.url()).contains("https://cdn.test/ann/" + filename);
        assertThat(ready.media()).contains(new RenditionEncoder.SourceMedia(true, true, 640, 360, 2.0, 25));
        assertThat(files.hosted.get("ann/" + filename)).isEqualTo(MP4);
        Asset asset = assets.find("ann", AssetId.of(source.id(), filename)).orElseThrow();
        assertThat(asset.status()).isEqualTo(AssetStatus.READY);
        assertThat(asset.renderId()).isEqualTo(source.id());
        assertThat(jobs).hasSize(1);
        RenditionJob job = jobs.getFirst();
        assertThat(job.input()).isEqualTo("s3://hosting/ann/" + filename);
        assertThat(job.renditions()).extracting(RenditionEncoder.RenditionOutput::destination).containsExactly(
                "s3://hosting/ann/" + source.id() + "-" + source.renditions().get(0).id(),
                "s3://hosting/ann/" + source.id() + "-small");
        assertThat(ready.jobId()).contains("job-" + source.id());
        assertThat(ready.renditions()).allMatch(rendition -> rendition.status() == RenditionStatus.QUEUED);
    }

    @Test
    void aRepeatedImportEventChangesNothingAndStartsNoSecondJob() {
        Source source = added("[{}]");
        imported(source);
        Source ready = sources.get(source.id());

        ImportSourceResult again = imported(source);

        assertThat(again).isInstanceOf(ImportSourceResult.Skipped.class);
        assertThat(sources.get(source.id())).isEqualTo(ready);
        assertThat(jobs).hasSize(1);
    }

    @Test
    void anImportStoppedHalfwayIsDoneAgainByTheRetry() {
        Source source = added("[]");
        assertThat(sources.replace(source, source.importing(NOW))).isTrue();

        assertThat(imported(source)).isInstanceOf(ImportSourceResult.Imported.class);
        assertThat(sources.get(source.id()).status()).isEqualTo(SourceStatus.READY);
    }

    @Test
    void aRefusedFetchFailsTheSourceAndEveryRendition() {
        Source source = added("[{}]");
        refusal = Optional.of("its address is not public");

        ImportSourceResult result = imported(source);

        assertThat(result).isEqualTo(new ImportSourceResult.Failed(sources.get(source.id()),
                "its address is not public"));
        Source failed = sources.get(source.id());
        assertThat(failed.status()).isEqualTo(SourceStatus.FAILED);
        assertThat(failed.renditions()).allMatch(rendition -> rendition.status() == RenditionStatus.FAILED);
        assertThat(files.hosted).isEmpty();
        assertThat(jobs).isEmpty();
    }

    @Test
    void aFileOfNoKnownFormatFailsWithoutBeingStored() {
        Source source = added("[]");
        served = "<html>not found</html>".getBytes();

        imported(source);

        assertThat(sources.get(source.id()).status()).isEqualTo(SourceStatus.FAILED);
        assertThat(sources.get(source.id()).error()).contains(
                "the file is not a video, image or audio file of a known format");
        assertThat(files.hosted).isEmpty();
    }

    @Test
    void aRenditionTheSourceCannotGiveFailsAndTheOthersAreMade() {
        Source source = added("[{\"format\":\"mp4\"},{\"format\":\"mp3\"}]");
        probed = SOUND;

        imported(source);

        Source ready = sources.get(source.id());
        assertThat(ready.status()).isEqualTo(SourceStatus.READY);
        assertThat(ready.renditions().get(0).status()).isEqualTo(RenditionStatus.FAILED);
        assertThat(ready.renditions().get(0).error().orElseThrow()).startsWith("outputs.renditions[0].format ");
        assertThat(jobs.getFirst().renditions()).extracting(RenditionEncoder.RenditionOutput::renditionId)
                .containsExactly(ready.renditions().get(1).id().toString());
    }

    @Test
    void aJobTheEncoderRefusesFailsItsRenditionsAtOnceAndTheSourceIsStillReady() {
        Source source = added("[{\"format\":\"mp4\"},{\"format\":\"webm\"}]");
        encoderRefuses = true;

        ImportSourceResult result = imported(source);

        assertThat(((ImportSourceResult.Imported) result).jobRefused()).as("the encoder's words, for the log")
                .contains("refused");
        Source ready = sources.get(source.id());
        assertThat(ready.status()).isEqualTo(SourceStatus.READY);
        assertThat(ready.renditions()).allSatisfy(rendition -> {
            assertThat(rendition.status()).isEqualTo(RenditionStatus.FAILED);
            assertThat(rendition.error()).contains(ImportSource.JOB_REFUSED);
        });
        assertThat(jobs).isEmpty();
    }

    @Test
    void anUploadLargerThanTheBoundFailsAndOneNotUploadedWithinTheHourIsShownFailed() {
        Source upload = new RequestSourceUpload(sources, files, CLOCK).request(new RequestSourceUploadCommand("ann",
                Environment.STAGE, List.of(), Optional.empty())).source();
        Source late = new RequestSourceUpload(sources, files, CLOCK).request(new RequestSourceUploadCommand("ann",
                Environment.STAGE, List.of(), Optional.empty())).source();
        files.uploads.put(upload.id(), new byte[1001]);

        importSource(CLOCK).importSource(new ImportSourceCommand("ann", upload.id(), true));

        assertThat(sources.get(upload.id()).status()).isEqualTo(SourceStatus.FAILED);
        assertThat(sources.get(upload.id()).error()).contains("the uploaded file is larger than 1000 bytes");
        GetSource get = new GetSource(sources, Clock.offset(CLOCK, Source.QUEUED_AT_MOST));
        assertThat(get.get(new SourceLookup("ann", Environment.STAGE, late.id())).orElseThrow().status())
                .as("at its deadline").isEqualTo(SourceStatus.QUEUED);
        Clock after = Clock.offset(CLOCK, Source.QUEUED_AT_MOST.plusSeconds(1));
        assertThat(new GetSource(sources, after).get(new SourceLookup("ann", Environment.STAGE, late.id()))
                .orElseThrow().status()).isEqualTo(SourceStatus.FAILED);

        files.uploads.put(late.id(), MP4);
        importSource(after).importSource(new ImportSourceCommand("ann", late.id(), true));

        assertThat(sources.get(late.id()).status()).as("a file arriving after that is not kept")
                .isEqualTo(SourceStatus.FAILED);
        assertThat(files.hosted).isEmpty();
    }

    private RenditionJobEvent completed(Source source, List<String> locations) {
        return new RenditionJobEvent("ann", source.id(), "job-" + source.id(), new RenditionJobEvent.Completed(
                locations.stream().map(location -> new RenditionJobEvent.OutputFile(location, OptionalInt.of(320),
                        OptionalInt.of(180), OptionalLong.of(2000))).toList()), OptionalLong.of(4000));
    }

    @Test
    void theJobsCompletionMakesEachRenditionReadyWithItsFileOnceOnly() {
        Source source = added("[{\"fps\":15},{\"format\":\"webm\",\"filename\":\"small\"}]");
        imported(source);
        Source ready = sources.get(source.id());
        Rendition first = ready.renditions().get(0);
        RecordRenditionJob record = new RecordRenditionJob(sources, files, assets, "us-east-1",
                Clock.offset(CLOCK, Duration.ofMinutes(1)));
        RenditionJobEvent event = completed(source, List.of("s3://hosting/ann/" + source.id() + "-" + first.id() + ".mp4",
                "s3://hosting/ann/" + source.id() + "-small.webm"));

        assertThat(record.record(event)).isInstanceOf(RecordRenditionJobResult.Recorded.class);

        Source done = sources.get(source.id());
        Rendition one = done.renditions().get(0);
        assertThat(one.status()).isEqualTo(RenditionStatus.READY);
        assertThat(one.url()).contains("https://cdn.test/ann/" + source.id() + "-" + first.id() + ".mp4");
        assertThat(one.width()).hasValue(320);
        assertThat(one.duration()).hasValue(2.0);
        assertThat(one.fps()).as("as asked").hasValue(15);
        assertThat(one.executionTime()).hasValue(4000);
        Rendition two = done.renditions().get(1);
        assertThat(two.url()).contains("https://cdn.test/ann/" + source.id() + "-small.webm");
        assertThat(two.fps()).as("the source's").hasValue(25);
        assertThat(assets.find("ann", AssetId.of(source.id(), source.id() + "-small.webm")).orElseThrow().status())
                .isEqualTo(AssetStatus.READY);

        assertThat(record.record(event)).isInstanceOf(RecordRenditionJobResult.Ignored.class);
        assertThat(sources.get(source.id())).isEqualTo(done);
    }

    @Test
    void aFailedJobFailsEveryRenditionAndAnotherJobsEventIsIgnored() {
        Source source = added("[{},{}]");
        imported(source);
        RecordRenditionJob record = new RecordRenditionJob(sources, files, assets, "us-east-1", CLOCK);

        assertThat(record.record(new RenditionJobEvent("ann", source.id(), "another-job",
                new RenditionJobEvent.Errored("1010"), OptionalLong.empty())))
                .isInstanceOf(RecordRenditionJobResult.Ignored.class);
        record.record(new RenditionJobEvent("ann", source.id(), "job-" + source.id(),
                new RenditionJobEvent.Errored("1010"), OptionalLong.empty()));

        assertThat(sources.get(source.id()).renditions()).allSatisfy(rendition -> {
            assertThat(rendition.status()).isEqualTo(RenditionStatus.FAILED);
            assertThat(rendition.error()).contains("the encoding failed");
        });
    }

    @Test
    void aJobsEndArrivingBeforeTheImportRecordedTheJobIsTakenAgainOnceTheSourceIsReady() {
        Source source = added("[{}]");
        Source importing = source.importing(NOW);
        assertThat(sources.replace(source, importing)).isTrue();
        RecordRenditionJob record = new RecordRenditionJob(sources, files, assets, "us-east-1", CLOCK);
        RenditionJobEvent event = new RenditionJobEvent("ann", source.id(), "job-" + source.id(),
                new RenditionJobEvent.Errored("1010"), OptionalLong.empty());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> record.record(event))
                .isInstanceOf(SourceNotReadyException.class);
        assertThat(sources.get(source.id())).isEqualTo(importing);

        imported(source);
        assertThat(record.record(event)).isInstanceOf(RecordRenditionJobResult.Recorded.class);
        assertThat(sources.get(source.id()).renditions().getFirst().status()).isEqualTo(RenditionStatus.FAILED);
    }

    @Test
    void aRenditionWhoseFileTheJobDidNotMakeFails() {
        Source source = added("[{},{\"filename\":\"b\"}]");
        imported(source);

        new RecordRenditionJob(sources, files, assets, "us-east-1", CLOCK).record(completed(source,
                List.of("s3://hosting/ann/" + source.id() + "-bb.mp4")));

        assertThat(sources.get(source.id()).renditions()).extracting(Rendition::status)
                .containsExactly(RenditionStatus.FAILED, RenditionStatus.FAILED);
    }

    @Test
    void deletingASourceDeletesItsFilesAssetsAndAJobEndingAfterKeepsNoFile() {
        Source source = added("[{\"filename\":\"late\"}]");
        imported(source);
        DeleteSource delete = new DeleteSource(sources, assets, CLOCK);

        assertThat(delete.delete(new SourceLookup("bob", Environment.STAGE, source.id())))
                .isInstanceOf(DeleteSourceResult.NotFound.class);
        assertThat(delete.delete(new SourceLookup("ann", Environment.V1, source.id())))
                .isInstanceOf(DeleteSourceResult.NotFound.class);
        assertThat(delete.delete(new SourceLookup("ann", Environment.STAGE, source.id())))
                .isInstanceOf(DeleteSourceResult.Deleted.class);

        Source deleted = sources.get(source.id());
        assertThat(deleted.status()).isEqualTo(SourceStatus.DELETED);
        assertThat(deleted.renditions()).allMatch(rendition -> rendition.status() == RenditionStatus.DELETED);
        assertThat(assets.find("ann", AssetId.of(source.id(), source.id() + "-source.mp4")).orElseThrow().status())
                .isEqualTo(AssetStatus.DELETED);

        new RecordRenditionJob(sources, files, assets, "us-east-1", CLOCK).record(completed(source,
                List.of("s3://hosting/ann/" + source.id() + "-late.mp4")));

        assertThat(assets.find("ann", AssetId.of(source.id(), source.id() + "-late.mp4")).orElseThrow().status())
                .as("its file is removed as a deleted asset's").isEqualTo(AssetStatus.DELETED);
        assertThat(sources.get(source.id())).isEqualTo(deleted);
        assertThat(delete.delete(new SourceLookup("ann", Environment.STAGE, source.id())))
                .as("again").isInstanceOf(DeleteSourceResult.Deleted.class);
    }

    @Test
    void theCallbackIsToldOnceOfTheSourceAndOfEachRenditionThatEnded() {
        Source source = added("[{},{}]");
        imported(source);
        InMemoryDeliveries deliveries = new InMemoryDeliveries();
        DispatchSourceCallbacks dispatch = new DispatchSourceCallbacks(sources, deliveries, new InMemoryCallbackQueue(),
                CLOCK);
        DispatchSourceCallbacksCommand command = new DispatchSourceCallbacksCommand("ann", source.id());

        List<String> first = dispatch.dispatch(command);
        assertThat(first).as("the source is ready, its renditions not yet").hasSize(1);
        delivered(deliveries, first);
        new RecordRenditionJob(sources, files, assets, "us-east-1", CLOCK).record(new RenditionJobEvent("ann",
                source.id(), "job-" + source.id(), new RenditionJobEvent.Errored("1010"), OptionalLong.empty()));
        List<String> sent = dispatch.dispatch(command);

        assertThat(sent).as("each rendition, not the source again").hasSize(2).doesNotContainAnyElementsOf(first);
        String body = deliveries.find(sent.getFirst()).orElseThrow().payload();
        assertThat(Json.parseTrusted(body).path("type").asText()).isEqualTo("ingest");
        assertThat(Json.parseTrusted(body).path("action").asText()).isEqualTo("rendition");
        assertThat(Json.parseTrusted(body).path("status").asText()).isEqualTo("failed");
        delivered(deliveries, sent);
        assertThat(dispatch.dispatch(command)).as("nothing twice").isEmpty();
    }

    private static void delivered(InMemoryDeliveries deliveries, List<String> ids) {
        ids.forEach(id -> assertThat(deliveries.recordAttempt(new Attempt(id, 1, Optional.of(204), Optional.empty(),
                DeliveryState.DELIVERED, Optional.empty(), Optional.empty(), NOW))).isTrue());
    }

    @Test
    void aReadySourcesRenditionsStillQueuedPastTheirDeadlineAreShownFailed() {
        Source source = added("[{}]");
        imported(source);
        Source ready = sources.get(source.id());

        assertThat(ready.asOf(ready.updated().plus(Source.RENDITIONS_AT_MOST)).renditions().getFirst().status())
                .isEqualTo(RenditionStatus.QUEUED);
        Source late = ready.asOf(ready.updated().plus(Source.RENDITIONS_AT_MOST).plusSeconds(1));
        assertThat(late.status()).isEqualTo(SourceStatus.READY);
        assertThat(late.renditions().getFirst().status()).isEqualTo(RenditionStatus.FAILED);
    }

    @Test
    void theListShowsTheOwnersSourcesOfTheEnvironmentNewestFirstWithoutDeletedOnes() {
        Source first = added("[]");
        Source second = new AddSource(sources, Clock.offset(CLOCK, Duration.ofSeconds(1))).add(new AddSourceCommand(
                "ann", Environment.STAGE, first.input().map(url -> ((FetchableUrl.Reading.Accepted) FetchableUrl
                        .read(url, Set.of("https"))).url()).orElseThrow(), List.of(), Optional.empty()));
        Source gone = added("[]");
        new DeleteSource(sources, assets, CLOCK).delete(new SourceLookup("ann", Environment.STAGE, gone.id()));

        assertThat(new ListSources(sources, CLOCK).list(new ListSourcesCommand("ann", Environment.STAGE)))
                .extracting(Source::id).containsExactly(second.id(), first.id());
        assertThat(new ListSources(sources, CLOCK).list(new ListSourcesCommand("ann", Environment.V1))).isEmpty();
        assertThat(new ListSources(sources, CLOCK).list(new ListSourcesCommand("bob", Environment.STAGE))).isEmpty();
    }

    @Test
    void aSourceIsKnownByItsFirstBytes() {
        assertThat(SourceFormat.sniff(MP4)).contains(SourceFormat.MP4);
        assertThat(SourceFormat.sniff(new byte[] {0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'q', 't', ' ', ' '}))
                .contains(SourceFormat.MOV);
        assertThat(SourceFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .contains(SourceFormat.JPG);
        assertThat(SourceFormat.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes())).contains(SourceFormat.WAV);
        assertThat(SourceFormat.sniff("ID3\3\0".getBytes())).contains(SourceFormat.MP3);
        assertThat(SourceFormat.sniff(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 'w', 'e', 'b', 'm'}))
                .contains(SourceFormat.WEBM);
        assertThat(SourceFormat.sniff("RIFF\0\0\0\0XXXX".getBytes())).isEmpty();
        assertThat(SourceFormat.sniff(new byte[] {0, 0})).isEmpty();
    }
}
