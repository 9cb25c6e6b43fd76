package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.chartlint.testdata.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository as teams keep them: findings only in its Kubernetes files, whatever else it holds,
 * through the command line and through the pre-commit hook as pre-commit runs it.
 */
class RealRepositoryTest {
  @TempDir Path repo;

  @BeforeEach
  void copyRepository() throws IOException {
    Fixtures.realRepository(repo);
    Files.createDirectories(repo.resolve(".git"));
  }

  private static List<String> findingFiles(JsonNode report) {
    List<String> files = new ArrayList<>();
    report.get("findings").forEach(f -> files.add(f.at("/location/file").asText()));
    return files;
  }

  @Test
  void reportsFindingsOnlyInTheKubernetesFiles() throws IOException {
    Cli run = Cli.run(repo, "lint", "--format", "json", ".");

    JsonNode report = run.json();
    assertThat(findingFiles(report))
        .isNotEmpty()
        .allMatch(f -> f.startsWith("deploy/") || f.startsWith("charts/web"), "a Kubernetes file")
        .contains("deploy/agent.yaml", "deploy/broken.yaml");
    assertThat(report.toString())
        .doesNotContain("docker-compose", "package.json", "node_modules", "target/", ".github");
    // docker-compose.yml, package.json, renovate.json, application.yml, an earlier JSON report
    assertThat(report.at("/summary/skipped").asInt()).isEqualTo(5);
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void aDocumentWithKindButNoApiVersionIsStillReported() throws IOException {
    Cli run = Cli.run(repo, "lint", "--format", "json", "deploy/broken.yaml");

    assertThat(run.json().get("findings").get(0).get("ruleId").asText())
        .isEqualTo("manifest-invalid");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void verboseListsTheSkippedFilesAndTheSummaryCountsThem() {
    Cli run = Cli.run(repo, "lint", "--verbose", "--no-color", ".");

    assertThat(run.err())
        .contains("skipped docker-compose.yml", "skipped package.json")
        .contains("skipped src/main/resources/application.yml")
        .doesNotContain("node_modules", "target/");
    assertThat(run.out()).contains("(5 files skipped: not Kubernetes)");
  }

  @Test
  void ignorePatternsFromTheCommandLineAndTheConfigLeavePathsOut() throws IOException {
    Cli cli = Cli.run(repo, "lint", "--format", "json", "--ignore", "deploy/agent.yaml", ".");
    assertThat(findingFiles(cli.json())).doesNotContain("deploy/agent.yaml");

    Files.writeString(repo.resolve(".chartlint.yaml"), "ignore:\n  - deploy/\n  - charts/\n");
    Cli config = Cli.run(repo, "lint", "--format", "json", ".");
    assertThat(config.exit()).isEqualTo(2); // nothing is left to lint
    assertThat(config.out()).isEmpty();
    assertThat(config.err()).contains("nothing to lint", "--allow-empty");
  }

  @Test
  void gitignoreIsHonouredOnlyInWalksNotForFilesNamedExplicitly() throws IOException {
    Cli walk = Cli.run(repo, "lint", "--format", "json", ".");
    assertThat(walk.out()).doesNotContain("node_modules");

    Cli named = Cli.run(repo, "lint", "--format", "json", "node_modules/left-pad/kind.yaml");
    assertThat(findingFiles(named.json())).containsExactly("node_modules/left-pad/kind.yaml");
  }

  @Test
  void neverLintsTheReportsItWrites() throws IOException {
    Path report = repo.resolve("build/chartlint.json");
    Files.createDirectories(report.getParent());
    // a report from an earlier run that would be a broken manifest if it were linted
    Files.writeString(report, "kind: Report\n");

    Cli run = Cli.run(repo, "lint", "--verbose", "--format", "json=build/chartlint.json", ".");

    assertThat(run.err()).doesNotContain("build/chartlint.json");
    JsonNode written = new ObjectMapper().readTree(report.toFile());
    assertThat(findingFiles(written)).doesNotContain("build/chartlint.json");
  }

  /** Runs the hook as pre-commit does: its entry, its args, then the changed files it selects. */
  private Cli preCommit(List<String> changed) throws IOException {
    Path definitions = Fixtures.resources().resolve("../../../../.pre-commit-hooks.yaml");
    JsonNode hook = new YAMLMapper().readTree(definitions.toFile()).get(0);
    Pattern files = Pattern.compile(hook.get("files").asText());
    Pattern exclude = Pattern.compile(hook.get("exclude").asText());
    List<String> args = new ArrayList<>();
    String[] entry = hook.get("entry").asText().split(" ");
    assertThat(entry[0]).isEqualTo("./chartlint");
    args.addAll(List.of(entry).subList(1, entry.length));
    hook.path("args").forEach(a -> args.add(a.asText()));
    args.add("--no-color");
    for (String file : changed) {
      if (files.matcher(file).find() && !exclude.matcher(file).find()) {
        args.add(file);
      }
    }
    return Cli.run(repo, args.toArray(String[]::new));
  }

  /** The files git tracks: everything but what .gitignore names. */
  private List<String> tracked() throws IOException {
    try (Stream<Path> walk = Files.walk(repo)) {
      return walk
          .filter(Files::isRegularFile)
          .map(p -> repo.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("target/") && !p.startsWith("node_modules/"))
          .filter(p -> !p.startsWith(".git/"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
          .stream()
          .toList();
    }
  }

  @Test
  void thePreCommitHookFailsOnlyOnTheKubernetesFiles() throws IOException {
    Cli run = preCommit(tracked());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("deploy/agent.yaml", "deploy/broken.yaml");
    assertThat(run.out())
        .doesNotContain("docker-compose.yml:", "package.json:", "application.yml:", "ci.yml:");
  }

  @Test
  void thePreCommitHookPassesACommitOfOtherYamlAndJson() throws IOException {
    Cli run =
        preCommit(
            List.of(
                "docker-compose.yml",
                "package.json",
                "src/main/resources/application.yml",
                ".github/workflows/ci.yml"));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("nothing to lint");
  }

  @Test
  void emptyInputIsAnErrorUnlessAllowed() throws IOException {
    Cli stdin = Cli.runWithStdin(repo, new byte[0], "lint", "-");
    assertThat(stdin.exit()).isEqualTo(2);
    assertThat(stdin.err()).contains("standard input is empty", "--allow-empty");

    Cli comments =
        Cli.runWithStdin(
            repo, "# only a comment\n---\n".getBytes(StandardCharsets.UTF_8), "lint", "-");
    assertThat(comments.exit()).isEqualTo(2);

    Cli allowed = Cli.runWithStdin(repo, new byte[0], "lint", "--allow-empty", "-");
    assertThat(allowed.exit()).isZero();
    assertThat(allowed.out()).contains("nothing to lint");

    Path empty = Files.createDirectories(repo.resolve("empty"));
    Cli dir = Cli.run(repo, "lint", "empty");
    assertThat(dir.exit()).isEqualTo(2);
    assertThat(dir.err()).contains("no chart and no .yaml, .yml or .json file in empty");
    assertThat(Files.isDirectory(empty)).isTrue();

    Cli other = Cli.run(repo, "lint", "package.json", "docker-compose.yml");
    assertThat(other.exit()).isEqualTo(2);
    assertThat(other.err()).contains("2 files read (package.json, docker-compose.yml)");
  }

  @Test
  void aRunOverSomeFilesCallsOnlyTheirBaselineAndExcludeEntriesUnused() throws IOException {
    Files.writeString(
        repo.resolve(".chartlint.yaml"),
        "baseline: baseline.json\n"
            + "exclude:\n"
            + "  - {kind: DaemonSet, name: agent, reason: rolled out by the platform team}\n"
            + "  - {template: deploy/gone.yaml, reason: removed last week}\n");
    Cli record = Cli.run(repo, "lint", "--write-baseline", "baseline.json", ".");
    assertThat(record.exit()).as(record.err()).isZero();

    // as pre-commit runs it when only the broken manifest changed
    Cli partial = Cli.run(repo, "lint", "--format", "json", "deploy/broken.yaml");

    JsonNode unused = partial.json().at("/summary/unusedSuppressions");
    assertThat(unused.toString())
        .doesNotContain("agent.yaml", "charts/web", "exclude entry suppresses nothing");
    assertThat(partial.exit()).isZero(); // its finding is in the baseline

    // a whole run sees everything the entries are about, and names the stale exclude
    Cli whole = Cli.run(repo, "lint", "--format", "json", ".");
    assertThat(whole.json().at("/summary/unusedSuppressions").toString())
        .contains("exclude entry suppresses nothing");
  }

  @Test
  void aChartWithoutTemplatesIsLintedNotAnInternalError() throws IOException {
    Path chart = Files.createDirectories(repo.resolve("empty-chart/templates"));
    Files.writeString(
        chart.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: e\nversion: 1.0.0\n");

    Cli run = Cli.run(repo, "lint", "--no-color", "empty-chart");

    assertThat(run.err()).doesNotContain("internal error");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("in 1 input, 0 objects");
  }

  @Test
  void aMissingValuesFileOrValuesWithoutAChartAreUsageErrors() {
    Cli missing = Cli.run(repo, "lint", "-f", "missing-values.yaml", "charts/web");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("values file missing-values.yaml does not exist");

    Cli noChart = Cli.run(repo, "lint", "-f", "charts/web/values.yaml", "deploy/agent.yaml");
    assertThat(noChart.exit()).isEqualTo(2);
    assertThat(noChart.err()).contains("there is no chart among the inputs");
  }

  @Test
  void reportPathsThatCannotBeWrittenAreUsageErrors() throws IOException {
    Files.createDirectories(repo.resolve("out"));
    for (String spec : List.of("json=", "json=out", "json=/proc/chartlint/report.json")) {
      Cli run = Cli.run(repo, "lint", "--format", spec, "deploy/agent.yaml");
      assertThat(run.exit()).as(spec + ": " + run.err()).isEqualTo(2);
      assertThat(run.err()).as(spec).doesNotContain("internal error", "Exception");
    }
  }
}
