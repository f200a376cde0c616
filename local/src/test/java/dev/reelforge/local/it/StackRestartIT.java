package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.Environment;
import dev.reelforge.local.LocalDescriptor;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.contract.ContractCheckingClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded stack keeps its state in the data directory, and only one stack uses a directory. */
class StackRestartIT {

    private final Path dataDirectory = SharedStack.temporaryDirectory("reelforge-restart-");

    @AfterEach
    void removeDataDirectory() {
        SharedStack.deleteRecursively(dataDirectory);
    }

    private LocalStack start() {
        return LocalStack.start(new LocalStack.Options(ProjectFiles.template(), dataDirectory, 0, line -> {}));
    }

    @Test
    void rendersAndTheDevelopmentAccountSurviveARestart() {
        String renderId;
        LocalDescriptor first;
        try (LocalStack stack = start()) {
            first = LocalDescriptor.read(dataDirectory).orElseThrow();
            renderId = new ContractCheckingClient(stack.apiUrl())
                    .post("/edit/stage/render", first.apiKey(Environment.STAGE), Edits.SMALL)
                    .body().path("response").path("id").asText();
        }

        try (LocalStack stack = start()) {
            LocalDescriptor second = LocalDescriptor.read(dataDirectory).orElseThrow();
            assertThat(second.owner()).isEqualTo(first.owner());
            assertThat(second.apiKeys()).isEqualTo(first.apiKeys());
            var status = new ContractCheckingClient(stack.apiUrl())
                    .get("/edit/stage/render/" + renderId, second.apiKey(Environment.STAGE));
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.body().path("response").path("id").asText()).isEqualTo(renderId);
        }
    }

    @Test
    void aSecondStackOnTheSameDataDirectoryIsRefused() {
        try (LocalStack running = start()) {
            assertThatThrownBy(this::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another embedded stack is running");
        }
    }

    @Test
    void localJsonNamesTheApiTheAccountAndEveryService() {
        try (LocalStack stack = start()) {
            LocalDescriptor descriptor = LocalDescriptor.read(dataDirectory).orElseThrow();
            assertThat(descriptor.apiUrl()).isEqualTo(stack.apiUrl());
            assertThat(descriptor.owner()).matches("[a-z0-9]{10}");
            assertThat(descriptor.apiKey(Environment.STAGE)).matches("[A-Za-z0-9]{40}");
            assertThat(descriptor.apiKey(Environment.V1)).matches("[A-Za-z0-9]{40}").isNotEqualTo(descriptor.apiKey(Environment.STAGE));
            assertThat(descriptor.services()).containsOnlyKeys("dynamodb", "s3", "mediaconvert", "control");
            assertThat(descriptor.services().values()).allSatisfy(endpoint -> assertThat(endpoint.getHost()).isEqualTo("127.0.0.1"));
        }
    }
}
