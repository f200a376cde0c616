package dev.reelforge.local;

import dev.reelforge.library.PublishLibraryCommand;
import dev.reelforge.library.PublishMusicLibrary;
import dev.reelforge.library.PublishedLibrary;
import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.local.template.SamTemplate;
import dev.reelforge.local.template.StackIdentity;
import dev.reelforge.runtime.FunctionEnvironment;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What CloudFormation's {@code MusicLibrary} custom resource does at deployment, done at each start of the embedded
 * stack: the music library's files written to the hosting bucket when they are not there yet, by the custom
 * resource's own code ({@link PublishMusicLibrary}) with {@value #FUNCTION}'s environment from template.yaml. A data
 * directory that has them already costs one HeadObject per track; a new one gets copies of the files this machine
 * made before ({@link CachedTracks}).
 */
final class MusicLibrarySeed {

    static final String FUNCTION = "MusicLibraryFunction";

    private MusicLibrarySeed() {}

    static void ensure(SamTemplate template, ServiceEndpoints endpoints, LocalRuntime runtime, Clock clock,
            Consumer<String> log) {
        FunctionDefinition function = template.functions().stream()
                .filter(definition -> definition.logicalId().equals(FUNCTION)).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no function " + FUNCTION));
        PublishedLibrary published = PublishMusicLibrary.of(new FunctionEnvironment(
                        FunctionVariables.of(function, endpoints, StackIdentity.LOCAL, runtime), clock),
                        new CachedTracks(PublishMusicLibrary.synthesised(runtime.ffmpeg()), CachedTracks.machineCache()))
                .publish(new PublishLibraryCommand(runtime.workDirectory().resolve("library")));
        if (!published.written().isEmpty()) {
            log.accept("wrote " + published.written().size() + " tracks of the music library to the hosting bucket");
        }
    }
}
