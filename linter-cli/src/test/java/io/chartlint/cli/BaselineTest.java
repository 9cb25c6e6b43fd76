package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartlint.testdata.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir Path dir;

  private static final String SETTINGS =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        labels:
          app: web
          app: api
      data:
        a: "1"
      ---
      kind: ConfigMap
      metadata:
        name: orphan
      """;

  @BeforeEach
  void writeManifest() throws IOException {
    Files.writeString(dir.resolve("app.yaml"), SETTINGS);
  }

  private static List<String> rules(JsonNode report) {
    List<String> ids = new ArrayList<>();
    report.get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
    return ids;
  }

  @Test
  void baselineHidesEverythingItRecorded() throws IOException {
    Cli before = Cli.run(dir, "lint", "--format", "json", "app.yaml");
    assertThat(before.exit()).isEqualTo(1);
    assertThat(rules(before.json())).containsExactly("yaml-duplicate-key", "manifest-invalid");

    Cli write = Cli.run(dir, "lint", "--write-baseline", "baseline.json", "app.yaml");
    assertThat(write.exit()).isZero();
    assertThat(write.err()).contains("recorded 2 findings in baseline.json");

    Cli after = Cli.run(dir, "lint", "--baseline", "baseline.json", "--format", "json", "app.yaml");
    assertThat(after.exit()).as(after.out() + after.err()).isZero();
    assertThat(after.json().get("findings")).isEmpty();
    assertThat(after.json().at("/summary/suppressed").asInt()).isEqualTo(2);
    assertThat(after.json().at("/summary/unusedSuppressions")).isEmpty();
  }

  @Test
  void onlyTheNewDefectIsReportedAfterEditsElsewhere() throws IOException {
    Cli.run(dir, "lint", "--write-baseline", "baseline.json", "app.yaml");
    // Lines move (a comment on top), and one new defect of a rule the baseline knows appears in
    // another object.
    Files.writeString(
        dir.resolve("app.yaml"),
        "# settings for the shop\n# owned by the web team\n"
            + SETTINGS
            + """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: extra
              labels:
                tier: a
                tier: b
            """);

    Cli run =
        Cli.run(
            dir,
            "lint",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            "--show-suppressed",
            "app.yaml");
    assertThat(run.exit()).isEqualTo(1);
    JsonNode findings = run.json().get("findings");
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).get("ruleId").asText()).isEqualTo("yaml-duplicate-key");
    assertThat(findings.get(0).get("message").asText()).contains("'tier'");
    assertThat(findings.get(0).at("/location/line").asInt()).isEqualTo(23);
    JsonNode suppressed = run.json().get("suppressed");
    assertThat(suppressed).hasSize(2);
    suppressed.forEach(
        s -> assertThat(s.get("suppressedBy").asText()).isEqualTo("baseline baseline.json"));
  }

  @Test
  void aSecondFindingOfARecordedKeyIsNew() throws IOException {
    Cli.run(dir, "lint", "--write-baseline", "baseline.json", "app.yaml");
    Files.writeString(
        dir.resolve("app.yaml"),
        SETTINGS.replace("  name: orphan\n", "  name: orphan\n")
            + "---\nkind: ConfigMap\nmetadata:\n  name: orphan\n");

    Cli run = Cli.run(dir, "lint", "--baseline", "baseline.json", "--format", "json", "app.yaml");
    assertThat(rules(run.json())).containsExactly("manifest-invalid");
    assertThat(run.json().at("/summary/suppressed").asInt()).isEqualTo(2);
  }

  @Test
  void entriesThatMatchNothingAreListedForRemoval() throws IOException {
    Cli.run(dir, "lint", "--write-baseline", "baseline.json", "app.yaml");
    Files.writeString(dir.resolve("app.yaml"), SETTINGS.replace("    app: api\n", ""));

    Cli run = Cli.run(dir, "lint", "--baseline", "baseline.json", "app.yaml");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("Suppressions that hide nothing")
        .contains("baseline.json: baseline entry yaml-duplicate-key in app.yaml matches nothing");
  }

  @Test
  void theConfigNamesTheBaselineAndTheFirstWriteCreatesIt() throws IOException {
    Files.writeString(dir.resolve(".chartlint.yaml"), "baseline: .chartlint-baseline.json\n");
    Cli missing = Cli.run(dir, "lint", "app.yaml");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("baseline .chartlint-baseline.json does not exist");

    Cli write = Cli.run(dir, "lint", "--write-baseline", ".chartlint-baseline.json", "app.yaml");
    assertThat(write.exit()).as(write.err()).isZero();
    Cli run = Cli.run(dir, "lint", "app.yaml");
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("(2 suppressed)");
  }

  @Test
  void aBaselineWrittenAtTheRootMatchesFromASubdirectory() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("deploy"));
    Files.move(dir.resolve("app.yaml"), sub.resolve("app.yaml"));
    Cli.run(dir, "lint", "--write-baseline", "baseline.json", "deploy/app.yaml");
    Cli run = Cli.run(sub, "lint", "--baseline", "../baseline.json", "app.yaml");
    assertThat(run.exit()).as(run.out()).isZero();
  }

  @Test
  void aBaselineWrittenFromAChartHidesItsFindingsAndThenReportsOnlyTheNewDefect()
      throws IOException {
    Path chart = dir.resolve("node-agent");
    copy(Fixtures.resources().resolve("charts/node-agent"), chart);
    Cli before = Cli.run(dir, "lint", "--format", "json", "node-agent");
    assertThat(before.exit()).as(before.err()).isEqualTo(1);
    int recorded = before.json().get("findings").size();
    assertThat(recorded).isGreaterThan(1);

    Cli write = Cli.run(dir, "lint", "--write-baseline", "baseline.json", "node-agent");
    assertThat(write.exit()).as(write.err()).isZero();
    Cli hidden =
        Cli.run(dir, "lint", "--baseline", "baseline.json", "--format", "json", "node-agent");
    assertThat(hidden.exit()).as(hidden.out() + hidden.err()).isZero();
    assertThat(hidden.json().get("findings")).isEmpty();
    assertThat(hidden.json().at("/summary/suppressed").asInt()).isEqualTo(recorded);

    // A new container without requests, added above the existing ones so every line below moves.
    Path template = chart.resolve("templates/daemonset.yaml");
    Files.writeString(
        template,
        Files.readString(template)
            .replace(
                "      containers:\n",
                "      containers:\n"
                    + "        - name: debug\n"
                    + "          image: registry.example.com/debug:1.0\n"
                    + "          resources:\n"
                    + "            requests: {memory: 16Mi, ephemeral-storage: 16Mi}\n"));
    Cli after =
        Cli.run(dir, "lint", "--baseline", "baseline.json", "--format", "json", "node-agent");

    assertThat(after.exit()).as(after.out() + after.err()).isEqualTo(1);
    assertThat(rules(after.json())).containsExactly("cpu-request-missing");
    assertThat(after.json().at("/findings/0/message").asText()).contains("'debug'");
    assertThat(after.json().at("/findings/0/location/file").asText())
        .isEqualTo("node-agent/templates/daemonset.yaml");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
