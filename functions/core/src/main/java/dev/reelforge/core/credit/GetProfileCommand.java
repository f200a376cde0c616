package dev.reelforge.core.credit;

/** The caller, as its credentials established. */
public record GetProfileCommand(String owner) {}
