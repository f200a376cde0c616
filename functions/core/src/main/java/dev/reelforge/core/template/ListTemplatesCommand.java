package dev.reelforge.core.template;

import dev.reelforge.core.Environment;

/** An owner asks for its templates in an environment. */
public record ListTemplatesCommand(String owner, Environment environment) {}
