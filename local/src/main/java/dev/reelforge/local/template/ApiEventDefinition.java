package dev.reelforge.local.template;

/**
 * A function's {@code Api} event: a route of a REST API.
 *
 * @param authorizer the route's own {@code Auth.Authorizer}, {@code NONE}, or null for the API default
 */
public record ApiEventDefinition(String restApiLogicalId, String method, String path, String authorizer) {}
