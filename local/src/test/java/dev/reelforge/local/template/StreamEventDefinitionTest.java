package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function's DynamoDB stream events are taken from template.yaml as SAM declares them, and a starting position the
 * embedded stack's shared stream reader cannot honour is refused, not read from the shard's start.
 */
class StreamEventDefinitionTest {

    @TempDir
    Path directory;

    private SamTemplate template(String events) throws IOException {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, """
                Resources:
                  Renders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      StreamSpecification:
                        StreamViewType: NEW_AND_OLD_IMAGES
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Worker::handleRequest
                      CodeUri: worker.jar
                      Events:
                """ + events.indent(8));
        return SamTemplate.load(file);
    }

    @Test
    void aStreamEventFromTheShardsStartKeepsItsTableBatchAndRetries() throws IOException {
        StreamEventDefinition event = template("""
                Changes:
                  Type: DynamoDB
                  Properties:
                    Stream: !GetAtt Renders.StreamArn
                    StartingPosition: TRIM_HORIZON
                    BatchSize: 5
                    MaximumRetryAttempts: 1
                """).function("Worker").orElseThrow().streamEvents().getFirst();

        assertThat(event.tableLogicalId()).isEqualTo("Renders");
        assertThat(event.batchSize()).isEqualTo(5);
        assertThat(event.maxRetries()).isEqualTo(1);
    }

    @Test
    void aStreamEventFromLatestIsRefusedNamingItsStartingPosition() {
        assertThatThrownBy(() -> template("""
                Changes:
                  Type: DynamoDB
                  Properties:
                    Stream: !GetAtt Renders.StreamArn
                    StartingPosition: LATEST
                """).function("Worker")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("Worker.Changes.StartingPosition").hasMessageContaining("LATEST");
    }
}
