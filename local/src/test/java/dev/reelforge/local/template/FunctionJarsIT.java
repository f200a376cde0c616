package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.ProjectFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The jars template.yaml deploys exist after the build, hold their handler, and carry no heavy HTTP stack. */
class FunctionJarsIT {

    @Test
    void everyCodeUriJarHoldsItsHandlerAndNeitherApacheNorNettyHttpClients() throws IOException {
        for (FunctionDefinition function : SamTemplate.load(ProjectFiles.template()).functions()) {
            Path jar = ProjectFiles.root().resolve(function.codeUri());
            try (JarFile file = new JarFile(jar.toFile())) {
                List<String> entries = file.stream().map(entry -> entry.getName()).toList();
                assertThat(entries).as(jar.toString())
                        .contains(function.handlerClass().replace('.', '/') + ".class")
                        .noneMatch(name -> name.startsWith("org/apache/http") || name.startsWith("org/apache/hc/")
                                || name.startsWith("io/netty/"));
            }
        }
    }
}
