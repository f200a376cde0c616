package dev.reelforge.core.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.Environment;
import dev.reelforge.core.pipeline.SourceFetcher;
import dev.reelforge.core.project.LibraryTrack;
import dev.reelforge.core.project.MusicLibrary;
import dev.reelforge.core.project.ProjectMedia;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AddUpload, RequestUpload, CheckUpload, DeleteUpload, ListUploads and UploadedProjectMedia on in-memory ports. */
class UploadUseCasesTest {

    private static final URI CDN = URI.create("https://cdn.example");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private final InMemoryUploads uploads = new InMemoryUploads();
    private final InMemoryUploadFiles files = new InMemoryUploadFiles();
    private final ScriptedProbe probe = new ScriptedProbe();
    private final Random random = new Random(7);

    private AddUpload addUpload(SourceFetcher fetcher) {
        return new AddUpload(uploads, files, new UploadCheck(probe, probe), fetcher, CLOCK, random);
    }

    private Path png() throws IOException {
        return Files.write(Files.createTempFile(directory, "photo", ".png"), UploadCheckTest.PNG_HEAD);
    }

    private static SourceFetcher refusing(String reason) {
        return (source, target) -> new SourceFetcher.FetchResult.Refused(reason);
    }

    @Test
    void anAcceptedFileIsStoredAndRecordedReady() throws IOException {
        probe.answering(ScriptedProbe.image(40, 30, "png"));

        AddUploadResult result = addUpload(refusing("unused")).add(new AddUploadCommand("ann", Environment.STAGE,
                UploadKind.PHOTO, new AddUploadCommand.Source.Received(png()), Optional.empty()));

        assertThat(result).isInstanceOfSatisfying(AddUploadResult.Added.class, added -> {
            Upload upload = added.upload();
            assertThat(upload.status()).isEqualTo(UploadStatus.READY);
            assertThat(upload.key()).isEqualTo("ann/uploads/" + upload.id() + ".png");
            assertThat(upload.url(CDN)).hasToString("https://cdn.example/ann/uploads/" + upload.id() + ".png");
            assertThat(files.files).containsKey(upload.key());
            assertThat(uploads.find("ann", Environment.STAGE, UploadKind.PHOTO, upload.id())).hasValue(upload);
        });
    }

    @Test
    void aRefusedFileLeavesNothingBehind() throws IOException {
        Path text = Files.writeString(directory.resolve("text"), "text");

        AddUploadResult result = addUpload(refusing("unused")).add(new AddUploadCommand("ann", Environment.STAGE,
                UploadKind.PHOTO, new AddUploadCommand.Source.Received(text), Optional.empty()));

        assertThat(result).isInstanceOf(AddUploadResult.Refused.class);
        assertThat(files.files).isEmpty();
        assertThat(uploads.items).isEmpty();
    }

    @Test
    void aUrlTheGuardRefusesIsNotFetchedWithItsReason() {
        AddUploadResult result = addUpload(refusing("the address is not public")).add(new AddUploadCommand("ann",
                Environment.STAGE, UploadKind.PHOTO, new AddUploadCommand.Source.Fetched(
                        URI.create("http://10.0.0.1/a.png"), directory.resolve("fetched")), Optional.empty()));

        assertThat(result).isEqualTo(new AddUploadResult.NotFetched("the address is not public"));
        assertThat(uploads.items).isEmpty();
    }

    @Test
    void aPresignedUploadIsPendingUntilCheckedThenReadyOnceWhateverTheEventsRepeat() {
        RequestUploadResult requested = new RequestUpload(uploads, files, CLOCK, random)
                .request(new RequestUploadCommand("ann", Environment.V1, UploadFormat.MP3, 10));
        Upload pending = ((RequestUploadResult.Requested) requested).upload();
        assertThat(pending.status()).isEqualTo(UploadStatus.PENDING);
        files.written(pending, UploadCheckTest.MP3_HEAD);
        probe.answering(ScriptedProbe.sound(12.5));
        CheckUpload check = new CheckUpload(uploads, files, new UploadCheck(probe, probe), CLOCK);
        CheckUploadCommand command = new CheckUploadCommand("ann", pending.id(), UploadFormat.MP3,
                directory.resolve("work"));

        CheckUploadResult first = check.check(command);
        CheckUploadResult again = check.check(command);

        assertThat(first).isInstanceOfSatisfying(CheckUploadResult.Ready.class, ready ->
                assertThat(ready.upload().seconds()).isEqualTo(OptionalDouble.of(12.5)));
        assertThat(again).isInstanceOf(CheckUploadResult.Skipped.class);
        assertThat(uploads.find("ann", Environment.V1, UploadKind.MUSIC, pending.id()).orElseThrow().status())
                .isEqualTo(UploadStatus.READY);
    }

    @Test
    void aPresignedUploadWhoseFileNeverArrivesIsFailedOnceItsDeadlineHasPassedAndALateFileIsNotKept() {
        Upload pending = ((RequestUploadResult.Requested) new RequestUpload(uploads, files, CLOCK, random)
                .request(new RequestUploadCommand("ann", Environment.V1, UploadFormat.MP3, 10))).upload();
        Clock justBefore = Clock.offset(CLOCK, Upload.PENDING_AT_MOST);
        Clock after = Clock.offset(CLOCK, Upload.PENDING_AT_MOST.plusSeconds(1));
        UploadLookup lookup = new UploadLookup("ann", Environment.V1, UploadKind.MUSIC, pending.id());

        assertThat(new GetUpload(uploads, justBefore).get(lookup).orElseThrow().status())
                .isEqualTo(UploadStatus.PENDING);
        Upload late = new GetUpload(uploads, after).get(lookup).orElseThrow();
        assertThat(late.status()).isEqualTo(UploadStatus.FAILED);
        assertThat(late.error()).hasValueSatisfying(error -> assertThat(error).contains("did not arrive"));
        assertThat(new ListUploads(uploads, after).list(new ListUploadsCommand("ann", Environment.V1,
                UploadKind.MUSIC, Optional.empty(), 10))).singleElement()
                .satisfies(listed -> assertThat(listed.status()).isEqualTo(UploadStatus.FAILED));

        files.written(pending, UploadCheckTest.MP3_HEAD);
        probe.answering(ScriptedProbe.sound(12.5));
        CheckUploadResult checked = new CheckUpload(uploads, files, new UploadCheck(probe, probe), after).check(
                new CheckUploadCommand("ann", pending.id(), UploadFormat.MP3, directory.resolve("work")));

        assertThat(checked).isInstanceOf(CheckUploadResult.Failed.class);
        assertThat(files.files).isEmpty();
        assertThat(uploads.find("ann", Environment.V1, UploadKind.MUSIC, pending.id()).orElseThrow().status())
                .as("stored as it was shown").isEqualTo(UploadStatus.FAILED);
    }

    @Test
    void aPresignedFileThatIsNotWhatItWasAnnouncedAsFailsAndIsRemoved() {
        Upload pending = ((RequestUploadResult.Requested) new RequestUpload(uploads, files, CLOCK, random)
                .request(new RequestUploadCommand("ann", Environment.STAGE, UploadFormat.PNG, 4))).upload();
        files.written(pending, "text".getBytes());

        CheckUploadResult result = new CheckUpload(uploads, files, new UploadCheck(probe, probe), CLOCK).check(
                new CheckUploadCommand("ann", pending.id(), UploadFormat.PNG, directory.resolve("work")));

        assertThat(result).isInstanceOfSatisfying(CheckUploadResult.Failed.class, failed ->
                assertThat(failed.reason()).contains("image/png"));
        assertThat(files.files).isEmpty();
        Upload failed = uploads.find("ann", Environment.STAGE, UploadKind.PHOTO, pending.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(UploadStatus.FAILED);
        assertThat(failed.error()).isPresent();
    }

    @Test
    void aFileNoPendingOrReadyUploadOwnsIsRemovedUnchecked() {
        Upload pending = ((RequestUploadResult.Requested) new RequestUpload(uploads, files, CLOCK, random)
                .request(new RequestUploadCommand("ann", Environment.STAGE, UploadFormat.PNG, 4))).upload();
        CheckUpload check = new CheckUpload(uploads, files, new UploadCheck(probe, probe), CLOCK);
        String otherExtension = Upload.keyOf("ann", pending.id(), UploadFormat.JPEG);
        String otherOwner = Upload.keyOf("bob", pending.id(), UploadFormat.PNG);
        files.files.put(otherExtension, new byte[] {1});
        files.files.put(otherOwner, new byte[] {1});
        files.written(pending, new byte[] {1});

        assertThat(check.check(new CheckUploadCommand("ann", pending.id(), UploadFormat.JPEG,
                directory.resolve("w")))).isInstanceOf(CheckUploadResult.Removed.class);
        assertThat(check.check(new CheckUploadCommand("bob", pending.id(), UploadFormat.PNG,
                directory.resolve("w")))).isInstanceOf(CheckUploadResult.Removed.class);
        assertThat(files.files).containsOnlyKeys(pending.key());
        assertThat(probe.calls).isZero();
    }

    @Test
    void aFileWrittenAgainAfterItsUploadFailedIsRemoved() {
        Upload pending = ((RequestUploadResult.Requested) new RequestUpload(uploads, files, CLOCK, random)
                .request(new RequestUploadCommand("ann", Environment.STAGE, UploadFormat.PNG, 4))).upload();
        CheckUpload check = new CheckUpload(uploads, files, new UploadCheck(probe, probe), CLOCK);
        CheckUploadCommand command = new CheckUploadCommand("ann", pending.id(), UploadFormat.PNG,
                directory.resolve("w"));
        files.written(pending, "text".getBytes());
        assertThat(check.check(command)).isInstanceOf(CheckUploadResult.Failed.class);
        files.written(pending, UploadCheckTest.PNG_HEAD);

        assertThat(check.check(command)).isInstanceOf(CheckUploadResult.Removed.class);
        assertThat(files.files).isEmpty();
    }

    @Test
    void aSizeOutOfBoundsIsRefusedNamingSize() {
        RequestUpload request = new RequestUpload(uploads, files, CLOCK, random);

        assertThat(request.request(new RequestUploadCommand("ann", Environment.STAGE, UploadFormat.WAV,
                UploadLimits.MAX_BYTES + 1))).isInstanceOfSatisfying(RequestUploadResult.Refused.class, refused ->
                assertThat(refused.reason()).contains("\"size\""));
        assertThat(request.request(new RequestUploadCommand("ann", Environment.STAGE, UploadFormat.WAV, 0)))
                .isInstanceOf(RequestUploadResult.Refused.class);
        assertThat(uploads.items).isEmpty();
    }

    @Test
    void deletingRemovesFileAndItemAndOnlyTheOwners() throws IOException {
        probe.answering(ScriptedProbe.image(40, 30, "png"));
        Upload upload = ((AddUploadResult.Added) addUpload(refusing("unused")).add(new AddUploadCommand("ann",
                Environment.STAGE, UploadKind.PHOTO, new AddUploadCommand.Source.Received(png()), Optional.empty())))
                .upload();
        DeleteUpload delete = new DeleteUpload(uploads, files);

        assertThat(delete.delete(new UploadLookup("bob", Environment.STAGE, UploadKind.PHOTO, upload.id()))).isFalse();
        assertThat(delete.delete(new UploadLookup("ann", Environment.V1, UploadKind.PHOTO, upload.id()))).isFalse();
        assertThat(delete.delete(new UploadLookup("ann", Environment.STAGE, UploadKind.PHOTO, upload.id()))).isTrue();
        assertThat(files.files).isEmpty();
        assertThat(uploads.items).isEmpty();
    }

    @Test
    void projectMediaFindsTheOwnersUploadsThenTheLibrarysTracks() throws IOException {
        probe.answering(ScriptedProbe.image(40, 30, "png"));
        Upload photo = ((AddUploadResult.Added) addUpload(refusing("unused")).add(new AddUploadCommand("ann",
                Environment.STAGE, UploadKind.PHOTO, new AddUploadCommand.Source.Received(png()), Optional.empty())))
                .upload();
        Upload pendingMusic = ((RequestUploadResult.Requested) new RequestUpload(uploads, files, CLOCK, random)
                .request(new RequestUploadCommand("ann", Environment.STAGE, UploadFormat.MP3, 10))).upload();
        MusicLibrary library = () -> List.of(new LibraryTrack("calm", "Calm", "Reelforge", "ambient", true, 92.5,
                "calm.mp3"));
        ProjectMedia media = new UploadedProjectMedia(uploads, library, CDN);

        assertThat(media.photo("ann", Environment.STAGE, photo.id())).hasValue(new ProjectMedia.FoundMedia(
                URI.create("https://cdn.example/ann/uploads/" + photo.id() + ".png"), OptionalDouble.empty(), true));
        assertThat(media.photo("bob", Environment.STAGE, photo.id())).isEmpty();
        assertThat(media.photo("ann", Environment.V1, photo.id())).isEmpty();
        assertThat(media.music("ann", Environment.STAGE, pendingMusic.id())).hasValueSatisfying(found ->
                assertThat(found.ready()).isFalse());
        assertThat(media.music("ann", Environment.STAGE, "calm")).hasValue(new ProjectMedia.FoundMedia(
                URI.create("https://cdn.example/library/music/calm.mp3"), OptionalDouble.of(92.5), true));
        assertThat(media.music("ann", Environment.STAGE, "nothing")).isEmpty();
    }

    @Test
    void listingIsNewestFirstAndBounded() {
        for (int i = 0; i < 3; i++) {
            new RequestUpload(uploads, files, Clock.offset(CLOCK, java.time.Duration.ofSeconds(i)), random).request(new RequestUploadCommand("ann", Environment.STAGE, UploadFormat.PNG, 4));
        }
        ListUploads list = new ListUploads(uploads, CLOCK);

        List<Upload> page = list.list(new ListUploadsCommand("ann", Environment.STAGE, UploadKind.PHOTO,
                Optional.empty(), 2));
        List<Upload> rest = list.list(new ListUploadsCommand("ann", Environment.STAGE, UploadKind.PHOTO,
                Optional.of(page.getLast().id()), 1000));

        assertThat(page).hasSize(2);
        assertThat(page.getFirst().created()).isAfter(page.getLast().created());
        assertThat(rest).hasSize(1);
        assertThat(rest.getFirst().created()).isBefore(page.getLast().created());
    }
}
