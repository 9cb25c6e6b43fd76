package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reasons, a team's switch for inline suppressions and container excludes, as a user of {@code
 * chartlint lint} sees them in the text, JSON and SARIF reports and in the exit code.
 */
class SuppressionPolicyCliTest {
  @TempDir Path dir;

  /** web's app container has no requests; its proxy has none either; api is clean. */
  private static final String APPS =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        annotations:
          chartlint.io/ignore: memory-request-missing
          chartlint.io/ignore-reason: "measured in production, see OPS-7"
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: app
                image: web:1.0
                # chartlint:ignore cpu-request-missing bursts at start-up only
                resources: {}
              - name: proxy
                image: envoy:1.30
      """;

  @BeforeEach
  void write() throws IOException {
    Files.writeString(dir.resolve("apps.yaml"), APPS);
    config("");
  }

  /**
   * Writes the config, with the ephemeral-storage rule off: these tests are about the cpu and
   * memory findings that the suppressions name, and the manifest requests no ephemeral storage.
   */
  private void config(String yaml) throws IOException {
    Files.writeString(
        dir.resolve(".chartlint.yaml"),
        yaml + "rules:\n  ephemeral-storage-request-missing: {enabled: false}\n");
  }

  private static List<String> findings(JsonNode report, String list) {
    List<String> found = new ArrayList<>();
    report
        .get(list)
        .forEach(
            f ->
                found.add(
                    f.get("ruleId").asText()
                        + " "
                        + f.at("/location/line").asInt()
                        + (f.has("suppressedBy") ? " by " + f.get("suppressedBy").asText() : "")
                        + (f.has("ignoredSuppression")
                            ? " ignored " + f.get("ignoredSuppression").asText()
                            : "")));
    return found;
  }

  @Test
  void reasonsAreShownWithTheFindingsTheyHide() throws IOException {
    config("exclude:\n  - {name: web, containers: [proxy], reason: \"sized by the mesh\"}\n");
    Cli json = Cli.run(dir, "lint", "--show-suppressed", "--format", "json", "apps.yaml");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(findings(json.json(), "findings")).isEmpty();
    assertThat(findings(json.json(), "suppressed"))
        .containsExactly(
            "cpu-request-missing 19 by comment at line 18 (bursts at start-up only)",
            "memory-request-missing 19 by annotation on Deployment/web"
                + " (measured in production, see OPS-7)",
            "cpu-request-missing 20 by exclude at .chartlint.yaml:2 (sized by the mesh)",
            // the annotation comes first: it names the rule for the whole object
            "memory-request-missing 20 by annotation on Deployment/web"
                + " (measured in production, see OPS-7)");
    assertThat(json.json().at("/summary/suppressed").asInt()).isEqualTo(4);
    assertThat(json.json().at("/summary/ignoredByPolicy").asInt()).isZero();

    Cli sarif = Cli.run(dir, "lint", "--show-suppressed", "--format", "sarif", "apps.yaml");
    List<String> justifications = new ArrayList<>();
    sarif
        .json()
        .at("/runs/0/results")
        .forEach(
            r -> {
              assertThat(r.at("/suppressions/0/kind").asText()).isEqualTo("external");
              justifications.add(r.at("/suppressions/0/justification").asText());
            });
    assertThat(justifications)
        .contains(
            "annotation on Deployment/web (measured in production, see OPS-7)",
            "comment at line 18 (bursts at start-up only)",
            "exclude at .chartlint.yaml:2 (sized by the mesh)");

    Cli text = Cli.run(dir, "lint", "--show-suppressed", "apps.yaml");
    assertThat(text.out())
        .contains(
            "       suppressed by annotation on Deployment/web (measured in production, see OPS-7)")
        .contains("0 errors, 0 warnings, 0 infos (4 suppressed) in 1 input, 1 object");
  }

  @Test
  void aContainerExcludeLeavesTheOtherContainersChecked() throws IOException {
    Files.writeString(dir.resolve("apps.yaml"), APPS.replace("chartlint.io/", "example.com/"));
    config("exclude:\n  - {containers: [prox*], rules: [cpu-request-missing], reason: mesh}\n");
    Cli json = Cli.run(dir, "lint", "--format", "json", "apps.yaml");
    assertThat(json.exit()).isEqualTo(1);
    assertThat(findings(json.json(), "findings"))
        .containsExactly("memory-request-missing 19", "memory-request-missing 20");
    assertThat(json.json().at("/summary/suppressed").asInt()).isEqualTo(2);
  }

  @Test
  void noInlineSuppressionsReportsWhatTheyHidAndCountsItAsIgnoredByPolicy() throws IOException {
    config("exclude:\n  - {name: web, containers: [proxy], reason: \"sized by the mesh\"}\n");
    Cli text = Cli.run(dir, "lint", "--no-inline-suppressions", "apps.yaml");
    assertThat(text.exit()).isEqualTo(1);
    assertThat(text.out())
        .contains("apps.yaml:19:11 error cpu-request-missing Deployment/web: container 'app'")
        .contains(
            "Suppressions ignored by policy (their findings are reported):\n"
                + "  apps.yaml:19 cpu-request-missing: comment at line 18 (bursts at start-up"
                + " only): # chartlint:ignore comments are turned off by"
                + " --no-inline-suppressions\n"
                + "  apps.yaml:19 memory-request-missing: annotation on Deployment/web (measured in"
                + " production, see OPS-7): chartlint.io/ignore annotations are turned off by"
                + " --no-inline-suppressions\n")
        .contains("2 errors, 0 warnings, 0 infos (2 suppressed, 2 ignored by policy) in 1 input");

    Cli json = Cli.run(dir, "lint", "--no-inline-suppressions", "--format", "json", "apps.yaml");
    assertThat(findings(json.json(), "findings"))
        .containsExactly("cpu-request-missing 19", "memory-request-missing 19");
    assertThat(findings(json.json(), "ignoredByPolicy"))
        .containsExactly(
            "cpu-request-missing 19 ignored comment at line 18 (bursts at start-up only): #"
                + " chartlint:ignore comments are turned off by --no-inline-suppressions",
            "memory-request-missing 19 ignored annotation on Deployment/web (measured in"
                + " production, see OPS-7): chartlint.io/ignore annotations are turned off by"
                + " --no-inline-suppressions");
    assertThat(json.json().at("/summary/ignoredByPolicy").asInt()).isEqualTo(2);
    assertThat(json.json().at("/summary/suppressed").asInt()).isEqualTo(2);

    Cli sarif = Cli.run(dir, "lint", "--no-inline-suppressions", "--format", "sarif", "apps.yaml");
    JsonNode results = sarif.json().at("/runs/0/results");
    assertThat(results).hasSize(2);
    results.forEach(
        r -> {
          assertThat(r.has("suppressions")).isFalse();
          assertThat(r.at("/properties/ignoredSuppression").asText())
              .endsWith("are turned off by --no-inline-suppressions");
        });
  }

  @Test
  void theConfigCanTurnCommentsOffAndRequireReasons() throws IOException {
    Files.writeString(
        dir.resolve("apps.yaml"),
        APPS.replace("chartlint.io/ignore-reason", "example.com/note")
            .replace(
                "image: envoy:1.30",
                "image: envoy:1.30\n          resources: {requests: {cpu: 1m, memory: 1Mi}}"));
    config("suppressions:\n  comments: false\n  requireReason: true\n");
    Cli json = Cli.run(dir, "lint", "--format", "json", "apps.yaml");
    assertThat(json.exit()).isEqualTo(1);
    assertThat(findings(json.json(), "ignoredByPolicy"))
        .containsExactly(
            "cpu-request-missing 19 ignored comment at line 18 (bursts at start-up only): #"
                + " chartlint:ignore comments are turned off by the suppressions section of"
                + " .chartlint.yaml",
            "memory-request-missing 19 ignored annotation on Deployment/web: it has no"
                + " chartlint.io/ignore-reason beside it, which the suppressions section of"
                + " .chartlint.yaml requires");
  }

  @Test
  void anInvalidSuppressionsSectionIsAUsageErrorNamingTheLine() throws IOException {
    config("suppressions:\n  comments: no-thanks\n  annotation: false\n");
    Cli run = Cli.run(dir, "lint", "apps.yaml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(".chartlint.yaml:2").contains(".chartlint.yaml:3");
    config("exclude:\n  - {containers: [], reason: nothing}\n");
    Cli empty = Cli.run(dir, "lint", "apps.yaml");
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).contains(".chartlint.yaml:2");
  }
}
