package dev.reelforge.core.plan;

/** A plan, or why the edit cannot be planned with these sources (said so that it fits a render's error). */
public sealed interface Planning {

    record Planned(RenderPlan plan) implements Planning {}

    record Unplannable(String reason) implements Planning {}
}
