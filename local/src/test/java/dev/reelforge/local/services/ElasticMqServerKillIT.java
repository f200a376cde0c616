package dev.reelforge.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message SQS acknowledged is kept, even when the process running ElasticMQ ends the moment after without a
 * chance to write anything more (as a SIGKILL ends it): the callbacks queue's messages must not vanish with a
 * killed stack.
 */
class ElasticMqServerKillIT {

    private static final int MESSAGES = 20;

    @TempDir
    Path directory;

    @Test
    void everyMessageAcknowledgedBeforeTheProcessEndsAbruptlyIsReceivedAfterARestart() throws Exception {
        assertThat(run("kept").exitCode()).as("the queue's creator ends normally").isZero();

        Run sender = run("kept", String.valueOf(MESSAGES));
        assertThat(sender.exitCode()).as("the sender's output: %s", sender.other()).isEqualTo(ElasticMqSender.KILLED);
        List<String> acknowledged = sender.tagged(ElasticMqSender.SENT);
        assertThat(acknowledged).hasSize(MESSAGES);

        Run receiver = run("kept", "receive");
        assertThat(receiver.exitCode()).as("the receiver's output: %s", receiver.other()).isZero();
        assertThat(receiver.tagged(ElasticMqSender.RECEIVED)).containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    /** What a process printed, and how it ended. */
    private record Run(int exitCode, List<String> lines) {

        List<String> tagged(String tag) {
            return lines.stream().filter(line -> line.startsWith(tag)).map(line -> line.substring(tag.length()))
                    .toList();
        }

        List<String> other() {
            return lines.stream().filter(line -> !line.startsWith(ElasticMqSender.SENT)
                    && !line.startsWith(ElasticMqSender.RECEIVED)).toList();
        }
    }

    /**
     * {@link ElasticMqSender} in a JVM of its own, on the test's directory. Each step needs its own JVM, the check
     * after the restart too: ElasticMQ's SQL persistence is one per JVM (the first server to start sets its
     * connection pool for all that follow), so a server started in this JVM could read another directory.
     */
    private Run run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ElasticMqSender.class.getName(),
                directory.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                lines.add(line);
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), lines);
    }
}
