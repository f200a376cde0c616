package dev.reelforge.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the tests read: template.yaml, events/, the vendored contract. */
public final class ProjectFiles {

    private ProjectFiles() {}

    public static Path root() {
        Path root = Path.of(System.getProperty("reelforge.root", "..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("template.yaml"))) {
            throw new IllegalStateException("no template.yaml under " + root + "; set -Dreelforge.root");
        }
        return root;
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }

    public static Path events() {
        return root().resolve("events");
    }

    /** The workspace's copy of Shotstack's multi-file definition (kept identical to it, see ContractCopyTest). */
    public static Path shotstackContract() {
        return root().resolve("contracts/shotstack-openapi/api.oas3.yaml");
    }

    /** The newest published Shotstack definition, one bundled file: the contract the tests judge exchanges by. */
    public static Path newestShotstackContract() {
        return root().resolve("contracts/shotstack-openapi-1.18.3/api.bundled.json");
    }
}
