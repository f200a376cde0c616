package dev.reelforge.core.upload;

import dev.reelforge.core.Environment;
import java.util.Optional;

/** A page of the caller's uploads of one kind: newest first, {@code count} at most, older than {@code before}. */
public record ListUploadsCommand(String owner, Environment environment, UploadKind kind, Optional<String> before,
        int count) {}
