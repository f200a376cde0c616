package dev.reelforge.core.template;

import com.fasterxml.jackson.databind.JsonNode;

/** An owner replaces the name and edit of one of its templates with those of {@code body} (the contract's Template). */
public record UpdateTemplateCommand(TemplateLookup template, JsonNode body) {}
