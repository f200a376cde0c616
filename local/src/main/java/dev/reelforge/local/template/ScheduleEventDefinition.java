package dev.reelforge.local.template;

import java.time.Duration;

/** A function's {@code Schedule} event, as the period of its {@code rate(...)} expression. */
public record ScheduleEventDefinition(String name, Duration period) {

    static ScheduleEventDefinition parse(String name, String expression) {
        var matcher = java.util.regex.Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)")
                .matcher(expression.trim());
        if (!matcher.matches()) {
            throw new TemplateException("the embedded stack runs rate(N unit) schedules, not " + expression);
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration period = switch (matcher.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(amount);
            case "hour", "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new ScheduleEventDefinition(name, period);
    }
}
