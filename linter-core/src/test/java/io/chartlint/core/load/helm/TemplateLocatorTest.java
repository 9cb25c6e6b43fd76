package io.chartlint.core.load.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLocatorTest {
  @TempDir Path chart;

  private final TemplateLocator locator = new TemplateLocator();

  private static final String DAEMONSET =
      """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: agent
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
        labels:
          {{- include "agent.labels" . | nindent 4 }}
      spec:
        template:
          spec:
            {{- with .Values.tolerations }}
            tolerations:
              {{- toYaml . | nindent 8 }}
            {{- end }}
            containers:
              - name: agent
                image: agent
                resources:
                  {{- toYaml .Values.resources | nindent 12 }}
            {{- range .Values.sidecars }}
              - name: {{ .name }}
                resources:
                  requests:
                    cpu: {{ .cpu }}
            {{- end }}
      """;

  private int line(String kind, String path) throws IOException {
    Path template = chart.resolve("templates/daemonset.yaml");
    Files.createDirectories(template.getParent());
    Files.writeString(template, DAEMONSET);
    List<String> segments =
        path.isEmpty() ? List.of() : Arrays.asList(path.replace("[", ".[").split("\\."));
    return locator.lineOf(template, kind, segments);
  }

  @Test
  void findsAKeyWrittenInTheTemplate() throws IOException {
    assertThat(line("DaemonSet", "spec.template.spec.containers[0].image")).isEqualTo(21);
  }

  @Test
  void pointsAtTheToYamlActionThatProducesAValue() throws IOException {
    assertThat(line("DaemonSet", "spec.template.spec.containers[0].resources.requests"))
        .isEqualTo(23);
  }

  @Test
  void pointsAtTheIncludeThatProducesLabels() throws IOException {
    assertThat(line("DaemonSet", "metadata.labels.app")).isEqualTo(11);
  }

  @Test
  void findsKeysInsideWith() throws IOException {
    assertThat(line("DaemonSet", "spec.template.spec.tolerations[0].operator")).isEqualTo(17);
  }

  @Test
  void itemsBeyondTheWrittenOnesComeFromTheRangeBody() throws IOException {
    assertThat(line("DaemonSet", "spec.template.spec.containers[2].resources.requests.cpu"))
        .isEqualTo(28);
  }

  @Test
  void picksTheDocumentOfTheObjectsKind() throws IOException {
    assertThat(line("DaemonSet", "metadata.name")).isEqualTo(9);
    assertThat(line("ServiceAccount", "metadata.name")).isEqualTo(4);
  }

  @Test
  void fallsBackToTheStartOfTheDocument() throws IOException {
    assertThat(line("DaemonSet", "")).isEqualTo(6);
    assertThat(line("DaemonSet", "status.phase")).isEqualTo(6);
  }

  @Test
  void mapsSourcePathsToFilesInTheChartAndItsSubcharts() throws IOException {
    Path sub = chart.resolve("charts/sub/templates/svc.yaml");
    Files.createDirectories(sub.getParent());
    Files.writeString(sub, "kind: Service\n");
    assertThat(TemplateLocator.templateFile(chart, "parent/charts/sub/templates/svc.yaml"))
        .isEqualTo(sub);
    assertThat(TemplateLocator.templateFile(chart, "parent/templates/missing.yaml")).isNull();
    assertThat(TemplateLocator.templateFile(chart, "parent/../../etc/passwd")).isNull();
  }

  @Test
  void theSecondRenderedObjectOfAKindMapsToTheSecondTheTemplateWrites() throws IOException {
    Path template = chart.resolve("templates/workers.yaml");
    Files.createDirectories(template.getParent());
    Files.writeString(
        template,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-api
        spec:
          template:
            spec:
              containers:
                - name: api
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-worker
        spec:
          template:
            spec:
              containers:
                - name: worker
        """);
    List<String> containers = List.of("spec", "template", "spec", "containers", "[0]");

    assertThat(locator.lineOf(template, "Deployment", 0, containers)).isEqualTo(9);
    assertThat(locator.lineOf(template, "Deployment", 1, containers)).isEqualTo(19);
    // more rendered than written (a range): the last one written
    assertThat(locator.lineOf(template, "Deployment", 5, containers)).isEqualTo(19);
  }
}
