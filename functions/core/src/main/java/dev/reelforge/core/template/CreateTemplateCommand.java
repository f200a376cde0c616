package dev.reelforge.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;

/** An owner saves a template in an environment; {@code body} is the parsed request body (the contract's Template). */
public record CreateTemplateCommand(String owner, Environment environment, JsonNode body) {}
