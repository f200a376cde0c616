package dev.reelforge.render.sweeper;

import dev.reelforge.aws.config.AwsSettings;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.config.MissingConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** What the sweeper reads from its environment (see template.yaml). */
record RenderSweeperSettings(AwsSettings aws, String rendersTable, Duration patience) {

    static RenderSweeperSettings from(EnvironmentVariables environment) {
        String patience = environment.required("STUCK_RENDER_PATIENCE");
        try {
            return new RenderSweeperSettings(AwsSettings.from(environment), environment.required("RENDERS_TABLE"),
                    Duration.parse(patience));
        } catch (DateTimeParseException e) {
            throw new MissingConfigurationException("STUCK_RENDER_PATIENCE is not an ISO-8601 duration: " + patience);
        }
    }
}
