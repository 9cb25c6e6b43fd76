package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pre-commit passes each changed file; each chart among them is linted once (SPEC §14). */
class PreCommitTest {
  @TempDir Path repo;

  @Test
  void changedFilesOfOneChartLintTheChartOnceBesideAPlainManifest() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Path chart = Files.createDirectories(repo.resolve("charts/web/templates"));
    Files.writeString(repo.resolve("charts/web/Chart.yaml"), "apiVersion: v2\nname: web\n");
    Files.writeString(repo.resolve("charts/web/values.yaml"), "replicas: 1\n");
    Files.writeString(chart.resolve("deployment.yaml"), "kind: {{ .Values.kind }}\n");
    Files.writeString(chart.resolve("_helpers.tpl"), "{{- define \"web.name\" -}}web{{- end }}\n");
    Files.createDirectories(repo.resolve("deploy"));
    Files.writeString(
        repo.resolve("deploy/config.yaml"), "kind: ConfigMap\nmetadata:\n  name: plain\n");

    Cli run =
        Cli.run(
            repo,
            "lint",
            "--format",
            "json",
            "charts/web/Chart.yaml",
            "charts/web/values.yaml",
            "charts/web/templates/deployment.yaml",
            "charts/web/templates/_helpers.tpl",
            "deploy/config.yaml");

    JsonNode report = run.json();
    assertThat(report.at("/summary/files").asInt()).isEqualTo(2);
    List<String> where = new ArrayList<>();
    report
        .get("findings")
        .forEach(f -> where.add(f.get("ruleId").asText() + " " + f.at("/location/file").asText()));
    // The chart is rendered (here: fails to, as its Chart.yaml lacks a version) once, not once per
    // file; its
    // raw templates are never read as manifests.
    assertThat(where)
        .containsExactlyInAnyOrder(
            "chart-render-error charts/web", "manifest-invalid deploy/config.yaml");
  }
}
