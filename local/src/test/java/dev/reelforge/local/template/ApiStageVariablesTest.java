package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An API's stage {@code Variables} are read from template.yaml; SAM's {@code Cors}, which is not emulated, is refused. */
class ApiStageVariablesTest {

    @TempDir
    Path directory;

    private ApiDefinition api(String properties) throws IOException {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, """
                Parameters:
                  Origin:
                    Type: String
                    Default: https://dashboard.example.com
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: live
                """ + properties.indent(6));
        return SamTemplate.load(file).apis().getFirst();
    }

    @Test
    void stageVariablesAreReadWithTheirIntrinsicsResolved() throws IOException {
        ApiDefinition api = api("""
                Variables:
                  dashboardOrigin: !Ref Origin
                """);

        assertThat(api.stageVariables()).isEqualTo(Map.of("dashboardOrigin", "https://dashboard.example.com"));
        assertThat(api("EndpointConfiguration:\n  Type: REGIONAL\n").stageVariables()).isEmpty();
    }

    @Test
    void samsCorsIsRefusedAsItsPreflightsFailOnAnApiWhoseEveryMediaTypeIsBinary() {
        assertThatThrownBy(() -> api("""
                BinaryMediaTypes: ["*~1*"]
                Cors: "'https://a.example'"
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("PreflightFunction");
    }
}
