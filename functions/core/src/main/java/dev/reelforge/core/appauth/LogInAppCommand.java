package dev.reelforge.core.appauth;

import java.util.Optional;

/**
 * An app logs in with its id and secret; {@code deviceId} is what Picovico's SDKs send to tell their installations
 * apart (accepted, not used).
 */
public record LogInAppCommand(String appId, AppSecret secret, Optional<String> deviceId) {}
