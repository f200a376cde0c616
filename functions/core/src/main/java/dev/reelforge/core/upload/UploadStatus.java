package dev.reelforge.core.upload;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an upload stands: {@code pending} until its file has been checked, then {@code ready} (usable in a project)
 * or {@code failed} (its file removed, the reason kept). It only moves forward, from pending.
 */
public enum UploadStatus {
    PENDING("pending"),
    READY("ready"),
    FAILED("failed");

    private final String wireName;

    UploadStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<UploadStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }
}
