package dev.reelforge.core.appauth;

/** A caller presents an access pair ({@code X-Access-Key}, {@code X-Access-Token}). */
public record AuthorizeAccessPairCommand(AccessPair pair) {}
