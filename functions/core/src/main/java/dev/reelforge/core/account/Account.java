package dev.reelforge.core.account;

import java.time.Instant;

/** An owner: everything a customer has (renders, assets, videos) is kept under this id. */
public record Account(String owner, Instant created) {}
