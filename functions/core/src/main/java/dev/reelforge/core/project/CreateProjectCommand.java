package dev.reelforge.core.project;

import dev.reelforge.core.Environment;
import java.util.Optional;

public record CreateProjectCommand(String owner, Environment environment, Optional<String> name) {}
