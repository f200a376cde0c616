package dev.reelforge.core.asset;

import java.util.UUID;

/** Remove the hosted file of the owner's asset {@code id}, which was deleted. */
public record RemoveHostedFileCommand(String owner, UUID id) {}
