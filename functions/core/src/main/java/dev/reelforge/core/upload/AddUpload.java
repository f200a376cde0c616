package dev.reelforge.core.upload;

import dev.reelforge.core.pipeline.SourceFetcher;
import dev.reelforge.core.project.ProjectId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * Adds a photo or music whose file is at hand (a body received, or a URL fetched through the address guard): checks
 * it ({@link UploadCheck}), and only then records it (pending), stores the file and makes it ready. Nothing of a
 * refused file is kept.
 */
public final class AddUpload {

    private final Uploads uploads;
    private final UploadFiles files;
    private final UploadCheck check;
    private final SourceFetcher fetcher;
    private final Clock clock;
    private final RandomGenerator random;

    public AddUpload(Uploads uploads, UploadFiles files, UploadCheck check, SourceFetcher fetcher, Clock clock,
            RandomGenerator random) {
        this.uploads = uploads;
        this.files = files;
        this.check = check;
        this.fetcher = fetcher;
        this.clock = clock;
        this.random = random;
    }

    public AddUploadResult add(AddUploadCommand command) {
        Path file;
        switch (command.source()) {
            case AddUploadCommand.Source.Received received -> file = received.file();
            case AddUploadCommand.Source.Fetched fetched -> {
                if (fetcher.fetch(fetched.url(), fetched.workFile())
                        instanceof SourceFetcher.FetchResult.Refused refused) {
                    return new AddUploadResult.NotFetched(refused.reason());
                }
                file = fetched.workFile();
            }
        }
        return switch (check.check(file, command.kind(), command.declared().orElse(null))) {
            case UploadCheck.Outcome.Refused refused -> new AddUploadResult.Refused(refused.reason());
            case UploadCheck.Outcome.NotAsDeclared notAsDeclared ->
                    new AddUploadResult.NotAsDeclared(notAsDeclared.declared());
            case UploadCheck.Outcome.Accepted accepted -> {
                Instant now = clock.instant();
                Upload pending = new Upload(command.owner(), command.environment(), ProjectId.generate(now, random),
                        accepted.format(), UploadStatus.PENDING, now, OptionalLong.of(accepted.bytes()),
                        OptionalDouble.empty(), Optional.empty());
                // the item before the file: a file with no item is an orphan, which its bucket event removes
                uploads.add(pending);
                files.store(file, pending);
                Upload ready = pending.ready(accepted.bytes(), accepted.seconds());
                // false only when the file's own event checked it first, with the same outcome
                uploads.settle(ready);
                yield new AddUploadResult.Added(ready);
            }
        };
    }
}
