package dev.reelforge.local;

import dev.reelforge.local.bench.ApiBenchmark;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The {@code ./reelforge} commands: {@code local}, {@code invoke}, {@code clock}, {@code webhook-secret}, {@code demo} and {@code bench}. */
public final class Main {

    private static final String USAGE = """
            usage: reelforge <command> [options]
              local  [--port N] [--data-dir DIR] [--no-loopback-sources] [--log-format text|json]
                     [--chunk-seconds N]
                                                       run the embedded stack until Ctrl-C, printing its log
                                                       (json: one JSON object per line, as Lambda writes them;
                                                       --chunk-seconds: compose videos longer than N s in
                                                       chunks joined by the job, as on AWS; 0, the default
                                                       here, composes every render whole)
              invoke <FunctionLogicalId> -e FILE [--data-dir DIR]
                                                       invoke one function with an event, print its response
              clock  [show | advance <ISO-8601 duration>] [--data-dir DIR]
                                                       read or move the stack's clock (PT25H, P2D); on a running
                                                       stack it applies the lifecycle rules before returning
              demo   [--data-dir DIR] [--version stage|v1] [--callback] [--ibm] [--picovico]
                     [--log-format text|json]
                                                       render a sample edit end to end and print its URLs
                                                       (--callback: receive and check its callbacks too;
                                                       --ibm: then the Videos API on it: token, video,
                                                       MP4 and FLV downloads, expiration a minute ahead;
                                                       --picovico: instead, photos and music uploaded to the
                                                       Projects API, a project rendered in two styles at 720,
                                                       its three renditions saved, its public link followed;
                                                       --log-format: the stack's log on standard error)
              webhook-secret [show | rotate] [--data-dir DIR]
                                                       the development account's webhook secrets on the running
                                                       stack; rotate keeps the old one signing for a day
              bench  api [--runs N] [--requests N] [--warmup N] [--part all|cold|warm]
                                                       cold start and warm latency against same-run baselines
              bench  render [--edit NAME] [--runs N] [--warmup N] [--poll-ms N] [--chunk-seconds N]
                                                       30 s 720p renders (every edit, or the one named)
                                                       against one-ffmpeg baselines
              bench  hosting [--runs N] [--size-mb N]
                                                       copying a 1 GiB output to hosting against a plain CopyObject
              bench  videos [--runs N] [--seconds N] [--part all|downloads|sweep]
                                                       MP4/FLV downloads against a plain copy and a bare ffmpeg
                                                       remux; the expiration sweep against reads by key
              bench  projects [--runs N] [--photos N] [--style NAME]
                                                       a 20-photo project at 720 (three renditions) against
                                                       one ffmpeg making the same three files
              bench  ingest [--runs N] [--seconds N] [--small-seconds N] [--part all|three|small]
                                                       a 60 s 1080p source into 360/720/1080 MP4 renditions by one
                                                       MediaConvert job against one ffmpeg making the same files
              fuzz   [--duration PT5M] [merge | edit | url | request | token]
                                                       coverage-guided fuzzing with Jazzer (run by the launcher
                                                       script through Maven; findings join the test corpus)
            common: --template FILE (default template.yaml)
            """;

    private Main() {}

    public static void main(String[] args) throws Exception {
        Deque<String> arguments = new ArrayDeque<>(List.of(args));
        if (arguments.isEmpty()) {
            System.err.print(USAGE);
            System.exit(2);
        }
        String command = arguments.pop();
        CommandLine options = CommandLine.parse(arguments);
        int status = switch (command) {
            case "local" -> LocalCommand.run(options);
            case "invoke" -> InvokeCommand.run(options);
            case "clock" -> ClockCommand.run(options);
            case "webhook-secret" -> WebhookSecretCommand.run(options);
            case "demo" -> DemoCommand.run(options);
            case "bench" -> ApiBenchmark.run(options);
            default -> {
                System.err.print(USAGE);
                yield 2;
            }
        };
        System.exit(status);
    }

    static Path defaultDataDirectory() {
        return Path.of(".reelforge");
    }
}
