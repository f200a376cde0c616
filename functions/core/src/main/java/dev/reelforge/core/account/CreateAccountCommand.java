package dev.reelforge.core.account;

/** Opens a new account with one API key per environment. */
public record CreateAccountCommand() {}
