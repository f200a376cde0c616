package dev.reelforge.local;

import dev.reelforge.dashboard.PublishDashboard;
import dev.reelforge.dashboard.PublishDashboardCommand;
import dev.reelforge.dashboard.PublishedDashboard;
import dev.reelforge.dashboard.ShippedDashboard;
import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.local.template.SamTemplate;
import dev.reelforge.local.template.StackIdentity;
import dev.reelforge.runtime.FunctionEnvironment;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What CloudFormation's {@code Dashboard} custom resource does at deployment, done at each start of the embedded
 * stack: the dashboard's files and {@code config.json} naming the stack's API URL written to the dashboard's bucket
 * by the custom resource's own code ({@link PublishDashboard}: content types, {@code Cache-Control: no-cache}, files
 * of an earlier start removed) with {@value #FUNCTION}'s environment from template.yaml. The files are the repo's
 * {@value #DIRECTORY}/ next to template.yaml, read at each start so that an edit shows after a restart with no
 * build; without that directory, those the dashboard's jar carries. {@value #DISTRIBUTION} serves them, so the
 * dashboard's origin is that distribution's, which {@link LocalTemplate} makes the API's CORS origin.
 */
final class DashboardFiles {

    /** The repo's directory of the dashboard's files, next to template.yaml. */
    static final String DIRECTORY = "dashboard";
    static final String FUNCTION = "DashboardPublisherFunction";
    static final String DISTRIBUTION = "DashboardDistribution";

    private DashboardFiles() {}

    static PublishedDashboard publish(SamTemplate template, ServiceEndpoints endpoints, LocalRuntime runtime,
            Clock clock, Path directory, URI apiUrl) {
        FunctionDefinition function = template.functions().stream()
                .filter(definition -> definition.logicalId().equals(FUNCTION)).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no function " + FUNCTION));
        return PublishDashboard.of(new FunctionEnvironment(
                        FunctionVariables.of(function, endpoints, StackIdentity.LOCAL, runtime), clock))
                .publish(new PublishDashboardCommand(
                        Files.isDirectory(directory) ? directory : ShippedDashboard.files(), apiUrl));
    }
}
