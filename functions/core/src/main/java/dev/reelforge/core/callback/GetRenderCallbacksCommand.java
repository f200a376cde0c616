package dev.reelforge.core.callback;

import dev.reelforge.core.Environment;
import java.util.UUID;

public record GetRenderCallbacksCommand(String owner, Environment environment, UUID renderId) {}
