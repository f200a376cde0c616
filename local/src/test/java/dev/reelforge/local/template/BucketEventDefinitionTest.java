package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's S3 events are read from template.yaml as SAM declares them. */
class BucketEventDefinitionTest {

    @TempDir
    Path directory;

    private SamTemplate template(String events) throws IOException {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, """
                Resources:
                  Media:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: media
                  Table:
                    Type: AWS::DynamoDB::Table
                  Watcher:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Watcher::handleRequest
                      CodeUri: watcher.jar
                      Events:
                """ + events.indent(8));
        return SamTemplate.load(file);
    }

    @Test
    void anS3EventNamesItsBucketItsEventTypesAndItsKeyFilter() throws IOException {
        BucketEventDefinition event = template("""
                Uploaded:
                  Type: S3
                  Properties:
                    Bucket: !Ref Media
                    Events: s3:ObjectCreated:*
                    Filter:
                      S3Key:
                        Rules:
                          - Name: prefix
                            Value: renders/
                          - Name: Suffix
                            Value: .mp4
                """).function("Watcher").orElseThrow().bucketEvents().getFirst();

        assertThat(event.name()).isEqualTo("Uploaded");
        assertThat(event.bucketLogicalId()).isEqualTo("Media");
        assertThat(event.matches("ObjectCreated:Put", "renders/a.mp4")).isTrue();
        assertThat(event.matches("ObjectCreated:CompleteMultipartUpload", "renders/b/c.mp4")).isTrue();
        assertThat(event.matches("ObjectCreated:Put", "work/a.mp4")).isFalse();
        assertThat(event.matches("ObjectCreated:Put", "renders/a.jpg")).isFalse();
    }

    @Test
    void namedEventTypesMatchOnlyThemselves() throws IOException {
        BucketEventDefinition event = template("""
                Copied:
                  Type: S3
                  Properties:
                    Bucket: !Ref Media
                    Events: [s3:ObjectCreated:Copy]
                """).function("Watcher").orElseThrow().bucketEvents().getFirst();

        assertThat(event.matches("ObjectCreated:Copy", "any")).isTrue();
        assertThat(event.matches("ObjectCreated:Put", "any")).isFalse();
    }

    @Test
    void whatTheStackDoesNotDeliverIsRefused() throws IOException {
        SamTemplate removals = template("""
                Removed:
                  Type: S3
                  Properties:
                    Bucket: !Ref Media
                    Events: s3:ObjectRemoved:*
                """);
        assertThatThrownBy(removals::functions).isInstanceOf(TemplateException.class)
                .hasMessageContaining("Watcher.Removed").hasMessageContaining("s3:ObjectRemoved:*");

        SamTemplate notABucket = template("""
                Elsewhere:
                  Type: S3
                  Properties:
                    Bucket: !Ref Table
                    Events: s3:ObjectCreated:*
                """);
        assertThatThrownBy(notABucket::functions).isInstanceOf(TemplateException.class)
                .hasMessageContaining("AWS::S3::Bucket");

        SamTemplate twoPrefixes = template("""
                Twice:
                  Type: S3
                  Properties:
                    Bucket: !Ref Media
                    Events: s3:ObjectCreated:*
                    Filter:
                      S3Key:
                        Rules:
                          - Name: prefix
                            Value: a/
                          - Name: prefix
                            Value: b/
                """);
        assertThatThrownBy(twoPrefixes::functions).isInstanceOf(TemplateException.class)
                .hasMessageContaining("one prefix");
    }
}
