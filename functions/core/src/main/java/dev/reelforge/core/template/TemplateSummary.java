package dev.reelforge.core.template;

import java.time.Instant;
import java.util.UUID;

/** A template as a list shows it: without its edit. */
public record TemplateSummary(UUID id, String name, Instant created, Instant updated) {}
