package dev.reelforge.core.project;

import com.fasterxml.jackson.databind.JsonNode;

/** The lookup and the update's fields as the client sent them (form fields as strings, or a JSON object). */
public record UpdateProjectCommand(ProjectLookup lookup, JsonNode fields) {}
