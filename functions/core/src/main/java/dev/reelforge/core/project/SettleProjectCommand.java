package dev.reelforge.core.project;

import java.util.UUID;

/** A render of the owner's, or one of its hosted files, ended: the project it makes may be settled. */
public record SettleProjectCommand(String owner, UUID renderId) {}
