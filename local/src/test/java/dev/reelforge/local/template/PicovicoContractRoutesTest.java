package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.picovico.PicovicoContract;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A route added to PicovicoApi in template.yaml needs its entry in the Picovico contract (contracts/picovico). The
 * CORS preflights (OPTIONS on the paths the dashboard calls) are the browser's, not Picovico's, so they are not in it.
 */
class PicovicoContractRoutesTest {

    @Test
    void everyRouteOfPicovicoApiInTemplateYamlIsInTheContract() {
        Set<String> declared = new TreeSet<>();
        Set<String> preflights = new TreeSet<>();
        Map<String, Object> resources = Intrinsics.mapOrEmpty(CloudFormationYaml.read(ProjectFiles.template())
                .get("Resources"));
        resources.values().forEach(resource -> Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(
                Intrinsics.mapOrEmpty(resource).get("Properties")).get("Events")).values().forEach(event -> {
                    Map<String, Object> properties = Intrinsics.mapOrEmpty(Intrinsics.mapOrEmpty(event).get("Properties"));
                    if ("Api".equals(Intrinsics.mapOrEmpty(event).get("Type"))
                            && Map.of("Ref", "PicovicoApi").equals(properties.get("RestApiId"))) {
                        String method = String.valueOf(properties.get("Method")).toUpperCase(Locale.ROOT);
                        (method.equals("OPTIONS") ? preflights : declared).add(method + " " + properties.get("Path"));
                    }
                }));

        assertThat(declared).contains("GET /musics", "POST /login/app");
        assertThat(preflights).as("preflights, each on a path of the API").isNotEmpty().allSatisfy(preflight ->
                assertThat(declared).anyMatch(route -> route.endsWith(" " + preflight.substring("OPTIONS ".length()))));
        assertThat(PicovicoContract.shipped().routeTemplates()).containsAll(declared);
    }

}
