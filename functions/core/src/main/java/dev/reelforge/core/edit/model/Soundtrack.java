package dev.reelforge.core.edit.model;

import java.net.URI;
import java.util.Optional;

/** Music under the whole timeline, ending with it or with the file, whichever is first. */
public record Soundtrack(URI src, double volume, Optional<VolumeEffect> effect) {}
