package dev.reelforge.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An API's SAM {@code Cors} and stage {@code Variables} are read from template.yaml as SAM declares them. */
class ApiCorsDefinitionTest {

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
    void corsLiteralsAreUnquotedAndIntrinsicsResolved() throws IOException {
        ApiDefinition api = api("""
                Cors:
                  AllowOrigin: !Sub "'${Origin}'"
                  AllowHeaders: "'Content-Type,x-api-key'"
                  MaxAge: "'600'"
                Variables:
                  dashboardOrigin: !Ref Origin
                """);

        assertThat(api.cors()).contains(new ApiDefinition.Cors("https://dashboard.example.com",
                Optional.of("Content-Type,x-api-key"), Optional.empty(), Optional.of("600"), false));
        assertThat(api.stageVariables()).isEqualTo(Map.of("dashboardOrigin", "https://dashboard.example.com"));
    }

    @Test
    void aStringIsTheAllowedOriginAloneAndNoCorsIsNone() throws IOException {
        assertThat(api("Cors: \"'https://a.example'\"\n").cors()).contains(new ApiDefinition.Cors(
                "https://a.example", Optional.empty(), Optional.empty(), Optional.empty(), false));
        assertThat(api("EndpointConfiguration:\n  Type: REGIONAL\n").cors()).isEmpty();
    }

    @Test
    void corsWithADefaultAuthorizerOnItsPreflightsIsRefused() {
        assertThatThrownBy(() -> api("""
                Auth:
                  DefaultAuthorizer: Keys
                  Authorizers:
                    Keys:
                      FunctionArn: !Ref Authorizer.Alias
                Cors:
                  AllowOrigin: "'https://a.example'"
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("AddDefaultAuthorizerToCorsPreflight");
    }
}
