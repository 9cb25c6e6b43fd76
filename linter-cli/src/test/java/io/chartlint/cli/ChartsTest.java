package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartlint.testdata.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts render in-process and findings land on their templates (SPEC §5). */
class ChartsTest {
  private static final Path CHARTS = Fixtures.resources().resolve("charts");
  private static final String DAEMONSET = "node-agent/templates/daemonset.yaml";
  private static final String SUBCHART =
      "node-agent/charts/metrics-sidecar/templates/deployment.yaml";

  private static List<String> findings(JsonNode report) {
    List<String> out = new ArrayList<>();
    report
        .get("findings")
        .forEach(
            f ->
                out.add(
                    f.get("ruleId").asText()
                        + " "
                        + f.at("/location/file").asText()
                        + ":"
                        + f.at("/location/line").asInt()
                        + (f.has("valuesSets") && f.get("valuesSets").size() > 0
                            ? " " + f.get("valuesSets")
                            : "")));
    return out;
  }

  @Test
  void findingsOfAChartPointAtTheKeysInItsTemplatesAndSubcharts() throws IOException {
    Cli run = Cli.run(CHARTS, "lint", "--format", "json", "node-agent");
    assertThat(run.exit()).isEqualTo(1);
    JsonNode report = run.json();
    assertThat(findings(report))
        .containsExactlyInAnyOrder(
            "virtual-node-exclusion " + DAEMONSET + ":21",
            "priority-class-missing " + DAEMONSET + ":21",
            "cpu-request-missing " + DAEMONSET + ":27",
            "memory-request-missing " + DAEMONSET + ":27",
            "ephemeral-storage-request-missing " + DAEMONSET + ":27",
            "cpu-request-missing " + DAEMONSET + ":38",
            "memory-request-missing " + DAEMONSET + ":38",
            // both sidecars of the range lack it
            "ephemeral-storage-request-missing " + DAEMONSET + ":38",
            "ephemeral-storage-request-missing " + DAEMONSET + ":38",
            "cpu-request-missing " + SUBCHART + ":17",
            "ephemeral-storage-request-missing " + SUBCHART + ":17");
    JsonNode subchart =
        report.get("findings").findParents("template").stream()
            .filter(f -> f.get("template").asText().contains("metrics-sidecar"))
            .findFirst()
            .orElseThrow();
    assertThat(subchart.get("template").asText()).isEqualTo(SUBCHART);
    assertThat(subchart.get("rendered").asInt()).isGreaterThan(17);
  }

  @Test
  void valuesFilesAndSetChangeWhatIsRendered() throws IOException {
    Cli run =
        Cli.run(
            CHARTS,
            "lint",
            "--format",
            "json",
            "node-agent",
            "-f",
            "node-agent/values/production.yaml",
            "--set",
            "charts.unused=1,metrics-sidecar.replicas=2",
            "--set-string",
            "image.tag=2");
    // production.yaml requests cpu and memory for the agent and drops the reloader sidecar
    assertThat(findings(run.json()))
        .containsExactlyInAnyOrder(
            "virtual-node-exclusion " + DAEMONSET + ":21",
            "priority-class-missing " + DAEMONSET + ":21",
            "ephemeral-storage-request-missing " + DAEMONSET + ":28",
            "ephemeral-storage-request-missing " + DAEMONSET + ":38",
            "cpu-request-missing " + SUBCHART + ":17",
            "ephemeral-storage-request-missing " + SUBCHART + ":17");
  }

  @Test
  void ciValuesRenderOncePerFileAndMergeIdenticalFindings() throws IOException {
    Cli run = Cli.run(CHARTS, "lint", "--format", "json", "--ci-values", "node-agent");
    assertThat(findings(run.json()))
        .contains(
            "virtual-node-exclusion "
                + DAEMONSET
                + ":21 [\"values.yaml\",\"ci/exporter-values.yaml\",\"ci/requests-values.yaml\"]",
            "cpu-request-missing "
                + DAEMONSET
                + ":27 [\"values.yaml\",\"ci/exporter-values.yaml\"]");
  }

  @Test
  void aTemplateErrorIsOneFindingAtTheTemplateLineHelmNames() throws IOException {
    Cli run =
        Cli.run(CHARTS, "lint", "--format", "json", "node-agent", "--set", "exporter.enabled=true");
    JsonNode report = run.json();
    assertThat(findings(report)).containsExactly("chart-render-error " + DAEMONSET + ":32");
    assertThat(report.at("/findings/0/message").asText())
        .contains("exporter.port is required when the exporter is enabled");
    assertThat(report.at("/findings/0/resource").isNull()).isTrue();
  }

  @Test
  void oneBrokenChartDoesNotHideTheOthers() throws IOException {
    Cli run = Cli.run(CHARTS, "lint", "--format", "json", ".");
    List<String> found = findings(run.json());
    assertThat(found).contains("chart-render-error render-error/templates/deployment.yaml:14");
    assertThat(found).contains("cpu-request-missing " + SUBCHART + ":17");
  }

  @Test
  void withNoPathTheWorkingDirectoryIsLinted() throws IOException {
    Cli run = Cli.run(CHARTS.resolve("node-agent"), "lint", "--format", "json");
    assertThat(findings(run.json())).contains("cpu-request-missing templates/daemonset.yaml:27");
  }

  @Test
  void aHelmBinaryThatIsNotAnExecutableIsAUsageError() {
    Cli run = Cli.run(CHARTS, "lint", "node-agent", "--helm-binary", "no-such-helm");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--helm-binary ").contains("no-such-helm: not an executable");
  }

  @Test
  void aMissingDependencyIsARenderErrorAtTheDependenciesOfChartYaml(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("app/templates"));
    Files.writeString(
        dir.resolve("app/Chart.yaml"),
        "apiVersion: v2\nname: app\nversion: 1.0.0\n"
            + "dependencies:\n  - name: redis\n    version: 1.0.0\n"
            + "    repository: https://charts.example.com\n");
    Files.writeString(
        dir.resolve("app/templates/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n");

    Cli run = Cli.run(dir, "lint", "--format", "json", "app");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(findings(run.json())).containsExactly("chart-render-error app/Chart.yaml:4");
    assertThat(run.json().at("/findings/0/message").asText()).contains("helm dependency build");
  }
}
