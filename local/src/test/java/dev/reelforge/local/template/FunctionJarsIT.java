package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The jars template.yaml deploys exist after the build, hold their handler, and carry only what they use. */
class FunctionJarsIT {

    /** An API function's cold start includes fetching and opening its jar: it stays small. */
    private static final long MAX_API_JAR_BYTES = 12L * 1024 * 1024;
    /**
     * The photos and music routes write files to S3 (and sign PUTs to it): their jar, uploads.jar, carries the S3
     * client (about 4.5 MB more) and the face's jar does not. Its bound is the face's plus that much.
     */
    private static final String UPLOADS_JAR = "functions/uploads/target/uploads.jar";
    private static final long MAX_UPLOADS_JAR_BYTES = 16L * 1024 * 1024;
    /**
     * The probe (ffmpeg, the address guard) and the Ingest upload's signed URL (S3) share ingest.jar with the ingest
     * flow, which starts MediaConvert jobs: these two routes carry the S3 and MediaConvert clients (about 7 MB more
     * than the face's jar) and a slower cold start; the Ingest routes that need only DynamoDB are in the face's jar.
     */
    private static final String INGEST_JAR = "functions/ingest/target/ingest.jar";
    private static final long MAX_INGEST_JAR_BYTES = 20L * 1024 * 1024;

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

    /** The Dashboard custom resource publishes what its jar carries: the repo's dashboard/ as the build found it. */
    @Test
    void theDashboardPublishersJarCarriesEveryFileOfTheDashboard() throws IOException {
        Path dashboard = ProjectFiles.root().resolve("dashboard");
        List<String> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(dashboard)) {
            files = walk.filter(Files::isRegularFile)
                    .map(file -> "dashboard/" + dashboard.relativize(file).toString().replace('\\', '/')).toList();
        }
        try (JarFile jar = new JarFile(ProjectFiles.root().resolve("functions/dashboard/target/dashboard.jar").toFile())) {
            assertThat(files).contains("dashboard/index.html", "dashboard/js/app.js");
            for (String file : files) {
                assertThat(jar.getJarEntry(file)).as(file).isNotNull();
                assertThat(jar.getInputStream(jar.getJarEntry(file)).readAllBytes()).as(file)
                        .isEqualTo(Files.readAllBytes(ProjectFiles.root().resolve(file)));
            }
        }
    }

    @Test
    void anApiFunctionsJarIsAtMost12MbAndCarriesNoClientItsFaceDoesNotUse() throws IOException {
        for (FunctionDefinition function : SamTemplate.load(ProjectFiles.template()).functions()) {
            if (function.apiEvents().isEmpty()) {
                continue;
            }
            Path jar = ProjectFiles.root().resolve(function.codeUri());
            boolean uploads = function.codeUri().equals(UPLOADS_JAR);
            boolean ingest = function.codeUri().equals(INGEST_JAR);
            assertThat(Files.size(jar)).as("%s's jar %s", function.logicalId(), jar).isLessThanOrEqualTo(
                    uploads ? MAX_UPLOADS_JAR_BYTES : ingest ? MAX_INGEST_JAR_BYTES : MAX_API_JAR_BYTES);
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.stream().map(entry -> entry.getName())).as(jar.toString())
                        .noneMatch(name -> (!uploads && !ingest && name.startsWith("software/amazon/awssdk/services/s3/"))
                                || name.startsWith("software/amazon/awssdk/services/cloudfront/")
                                || (!ingest && name.startsWith("software/amazon/awssdk/services/mediaconvert/"))
                                || name.startsWith("software/amazon/awssdk/services/secretsmanager/")
                                || name.startsWith("software/amazon/awssdk/services/sqs/")
                                || name.startsWith("org/joda/time/"));
            }
        }
    }
}
