package dev.reelforge.core.credit;

/** An owner and its credit balance. */
public record Profile(String owner, long credits) {}
