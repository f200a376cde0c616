package dev.reelforge.runtime.log;

/** The CloudWatch units Reelforge's metrics are measured in. */
public enum MetricUnit {
    MILLISECONDS("Milliseconds"),
    COUNT("Count");

    private final String cloudWatchName;

    MetricUnit(String cloudWatchName) {
        this.cloudWatchName = cloudWatchName;
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }
}
