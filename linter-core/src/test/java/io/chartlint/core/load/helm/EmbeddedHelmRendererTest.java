package io.chartlint.core.load.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedHelmRendererTest {
  @TempDir Path dir;

  private Path chart(String template) throws IOException {
    Path chart = dir.resolve("web");
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n");
    Files.writeString(chart.resolve("values.yaml"), "port: 80\nname: web\n");
    Files.writeString(chart.resolve("templates/cm.yaml"), template);
    return chart;
  }

  private static ChartRenderRequest request(
      Path chart, List<String> set, List<String> setString, List<String> apiVersions) {
    return new ChartRenderRequest(
        chart, List.of(), set, setString, List.of(), "rel", "shop", null, apiVersions);
  }

  @Test
  void lookupFindsNothingAsInHelmTemplate() throws Exception {
    Path chart =
        chart(
            """
            {{- $existing := lookup "v1" "Secret" .Release.Namespace "web-certs" }}
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}
              namespace: {{ .Release.Namespace }}
            data:
              found: {{ if $existing }}"yes"{{ else }}"no"{{ end }}
            """);
    String out =
        EmbeddedHelmRenderer.load()
            .render(request(chart, List.of(), List.of(), List.of()))
            .manifests();
    assertThat(out)
        .contains("# Source: web/templates/cm.yaml")
        .contains("name: rel")
        .contains("namespace: shop")
        .contains("found: \"no\"");
    assertThat(Files.readString(chart.resolve("templates/cm.yaml"))).contains("lookup");
  }

  @Test
  void setIsTypedAndSetStringIsAString() throws Exception {
    Path chart =
        chart(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: x}
            data:
              port: {{ kindOf .Values.port | quote }}
              name: {{ kindOf .Values.name | quote }}
              both: {{ .Values.a }}-{{ .Values.b }}
            """);
    String out =
        EmbeddedHelmRenderer.load()
            .render(
                request(chart, List.of("port=8080,a=x\\,y"), List.of("name=0755,b=2"), List.of()))
            .manifests();
    assertThat(out)
        .contains("port: \"int64\"")
        .contains("name: \"string\"")
        .contains("both: x,y-2");
  }

  @Test
  void aTemplateErrorNamesItsFileAndLine() throws Exception {
    Path chart =
        chart(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ required "name is required" .Values.missing }}
            """);
    assertThatThrownBy(
            () ->
                EmbeddedHelmRenderer.load().render(request(chart, List.of(), List.of(), List.of())))
        .isInstanceOfSatisfying(
            ChartRenderException.class,
            e -> {
              assertThat(e.templatePath()).isEqualTo("web/templates/cm.yaml");
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.getMessage()).contains("name is required");
            });
  }

  @Test
  void apiVersionsAreAUsageErrorThatNamesTheWayOut() throws Exception {
    Path chart = chart("kind: ConfigMap\n");
    assertThatThrownBy(
            () ->
                EmbeddedHelmRenderer.load()
                    .render(request(chart, List.of(), List.of(), List.of("x/v1"))))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--helm-binary");
  }

  @Test
  void theLibraryLoadsOncePerProcess() {
    assertThat(EmbeddedHelmRenderer.load().describe()).startsWith("embedded Helm v3.");
  }
}
