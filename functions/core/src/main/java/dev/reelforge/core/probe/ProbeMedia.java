package dev.reelforge.core.probe;

import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.url.FetchableUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Shotstack's probe: what a media file named by URL holds, answered within one API request. Only {@code http} and
 * {@code https} URLs in {@link FetchableUrl}'s canonical form; the file is sampled through the address guard
 * ({@link MediaSampler}: its head and, for an MP4 whose index comes last, its index, within a byte cap and a
 * deadline), then probed. Every way it can go wrong is the user's URL: refused addresses, unreachable hosts, an
 * origin's 404, a body that is not media, a source too slow to sample in time.
 */
public final class ProbeMedia {

    public static final Set<String> SCHEMES = Set.of("http", "https");
    /** URLs longer than this are refused before anything else (API Gateway's own limit on a path is ~8 KB). */
    public static final int MAX_URL_LENGTH = 2048;

    private final MediaSampler sampler;
    private final MediaProbe probe;
    private final Path workDirectory;

    public ProbeMedia(MediaSampler sampler, MediaProbe probe, Path workDirectory) {
        this.sampler = sampler;
        this.probe = probe;
        this.workDirectory = workDirectory;
    }

    public ProbeMediaResult probe(ProbeMediaCommand command) {
        if (command.url().length() > MAX_URL_LENGTH) {
            return new ProbeMediaResult.Refused("must be at most " + MAX_URL_LENGTH + " characters");
        }
        FetchableUrl.Reading reading = FetchableUrl.read(command.url(), SCHEMES);
        if (reading instanceof FetchableUrl.Reading.Refused refused) {
            return new ProbeMediaResult.Refused(refused.problem());
        }
        FetchableUrl url = ((FetchableUrl.Reading.Accepted) reading).url();
        Path directory = scratchDirectory();
        try {
            return switch (sampler.sample(url, directory.resolve("sample"))) {
                case MediaSampler.SampleResult.Refused refused ->
                        new ProbeMediaResult.Refused("could not be fetched: " + refused.reason());
                case MediaSampler.SampleResult.Sampled sampled -> switch (probe.probe(sampled.file())) {
                    case MediaProbe.ProbeResult.Probed probed ->
                            new ProbeMediaResult.Probed(command.url(), probed.info(), sampled.sourceBytes());
                    // ffmpeg's own words name the scratch file: none of them is quoted
                    case MediaProbe.ProbeResult.Unreadable unreadable -> new ProbeMediaResult.Refused(sampled.truncated()
                            ? "could not be read from its beginning, and its server ignores range requests, so no"
                                    + " more of it is read (an MP4 needs its moov box, which comes last in this one)"
                            : "is not a video, image or audio file that can be read");
                };
            };
        } finally {
            deleteRecursively(directory);
        }
    }

    private Path scratchDirectory() {
        try {
            Files.createDirectories(workDirectory);
            return Files.createTempDirectory(workDirectory, "probe-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch directory in " + workDirectory, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // best effort: the scratch space is the function's /tmp
        }
    }
}
