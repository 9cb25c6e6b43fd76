package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.fix.ChartFixer;
import io.chartlint.core.load.helm.ChartRenderException;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.ChartRenderer;
import io.chartlint.core.load.helm.ChartRenderers;
import io.chartlint.core.load.helm.RenderedChart;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.testdata.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts fixed through their values: provenance in every format, and the override. */
class ChartFixTest {
  @TempDir Path dir;

  @BeforeEach
  void copyChart() throws IOException {
    Path source = Fixtures.resources().resolve("charts/node-agent");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path target = dir.resolve("node-agent").resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private JsonNode exclusion(Cli run) throws IOException {
    for (JsonNode f : run.json().get("findings")) {
      if (f.get("ruleId").asText().equals("virtual-node-exclusion")) {
        return f;
      }
    }
    return null;
  }

  @Test
  void aFindingNamesTheValueThatControlsItsFieldAndWhereItIsSet() throws IOException {
    Cli json = Cli.run(dir, "lint", "node-agent", "--format", "json");
    JsonNode values = exclusion(json).get("location").get("values");
    assertThat(values.toString())
        .isEqualTo("{\"path\":\"affinity\",\"file\":\"node-agent/values.yaml\",\"line\":18}");
    assertThat(Files.readAllLines(dir.resolve("node-agent/values.yaml")).get(17))
        .isEqualTo("affinity: {}");
    assertThat(exclusion(json).get("fix").asText())
        .startsWith("Set affinity in a values file passed with -f")
        .contains(
            "affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:");

    Cli text = Cli.run(dir, "lint", "node-agent");
    assertThat(text.out()).contains("       value: affinity (set in node-agent/values.yaml:18)\n");

    Cli sarif = Cli.run(dir, "lint", "node-agent", "--format", "sarif");
    JsonNode related = null;
    for (JsonNode r : new ObjectMapper().readTree(sarif.out()).at("/runs/0/results")) {
      if (r.get("ruleId").asText().equals("virtual-node-exclusion")) {
        related = r.get("relatedLocations").get(0);
      }
    }
    assertThat(related.at("/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("node-agent/values.yaml");
    assertThat(related.at("/physicalLocation/region/startLine").asInt()).isEqualTo(18);
  }

  @Test
  void aFindingWithoutAnExactFixNamesTheValueThatWritesItsFieldEvenWhenSetOnTheCommandLine()
      throws IOException {
    Cli json =
        Cli.run(
            dir,
            "lint",
            "node-agent",
            "--set",
            "resources.requests.cpu=0,image.tag=1.0.1",
            "--format",
            "json");
    JsonNode zero = null;
    JsonNode reloader = null;
    JsonNode storage = null;
    for (JsonNode f : json.json().get("findings")) {
      String rule = f.get("ruleId").asText();
      String message = f.get("message").asText();
      if (rule.equals("cpu-request-missing") && message.contains("'agent' requests 0 cpu")) {
        zero = f;
      } else if (rule.equals("cpu-request-missing") && message.contains("'reloader'")) {
        reloader = f;
      } else if (rule.equals("ephemeral-storage-request-missing")
          && message.contains("'reloader'")) {
        storage = f;
      }
    }
    // the value set by --set, proven by a marker render; no size invented
    assertThat(zero.get("location").get("values").toString())
        .isEqualTo("{\"path\":\"resources.requests.cpu\",\"source\":\"--set\"}");
    assertThat(zero.get("fix").asText())
        .startsWith("Set resources.requests.cpu in a values file passed with -f")
        .contains("resources:\n  requests:\n    cpu: # the amount this container needs")
        .doesNotContainPattern("cpu: *[0-9]");
    // a sidecar written by ranging over a list: the item that lacks the key
    assertThat(reloader.get("location").get("values").toString())
        .isEqualTo("{\"path\":\"sidecars\",\"file\":\"node-agent/values.yaml\",\"line\":8}");
    assertThat(reloader.get("fix").asText()).startsWith("Set sidecars[1].cpu in a values file");
    // the template writes no ephemeral-storage for sidecars, whatever the values
    assertThat(storage.get("location").get("values").toString())
        .isEqualTo("{\"source\":\"template\"}");

    Cli text = Cli.run(dir, "lint", "node-agent", "--set", "resources.requests.cpu=0");
    assertThat(text.out()).contains("       value: resources.requests.cpu (set by --set)\n");

    // chartlint fix applies none of it: only exact fixes go into the override
    Path override = dir.resolve("override.yaml");
    Cli fix =
        Cli.run(
            dir,
            "fix",
            "node-agent",
            "--set",
            "resources.requests.cpu=0",
            "--values-out",
            override.toString());
    assertThat(Files.readString(override)).doesNotContain("resources", "sidecars");
    assertThat(fix.err()).doesNotContain("fixed node-agent/templates/daemonset.yaml:28");
  }

  @Test
  void withCiValuesAFindingOnlyACiFileProducesIsTracedWithThatFile() throws IOException {
    Path ci = Files.createDirectories(dir.resolve("node-agent/ci"));
    Files.writeString(
        ci.resolve("more-values.yaml"),
        "# a second sidecar without a cpu\nsidecars:\n  - name: extra\n    image: x\n"
            + "    cpu: 1m\n  - name: more\n    image: y\n");

    Cli json = Cli.run(dir, "lint", "node-agent", "--ci-values", "--format", "json");

    JsonNode more = null;
    for (JsonNode f : json.json().get("findings")) {
      if (f.get("ruleId").asText().equals("cpu-request-missing")
          && f.get("message").asText().contains("'more'")) {
        more = f;
      }
    }
    assertThat(more.get("valuesSets").toString()).isEqualTo("[\"ci/more-values.yaml\"]");
    assertThat(more.get("location").get("values").toString())
        .isEqualTo(
            "{\"path\":\"sidecars\",\"file\":\"node-agent/ci/more-values.yaml\",\"line\":2}");
    assertThat(more.get("fix").asText()).startsWith("Set sidecars[1].cpu in a values file");
  }

  @Test
  void valuesAreTracedThroughAliasesImportsGlobalsAndPackagedSubcharts() throws IOException {
    Path source = Fixtures.resources().resolve("charts/values-coalescing");
    Cli json = Cli.run(source.getParent(), "lint", "values-coalescing", "--format", "json");

    Map<String, String> values = new TreeMap<>();
    for (JsonNode f : json.json().get("findings")) {
      values.put(
          f.get("ruleId").asText() + " " + f.get("resource").get("name").asText(),
          f.get("location").get("values").toString());
    }
    assertThat(values)
        .containsEntry(
            // a subchart's values under its alias, from its own values.yaml
            "memory-request-missing release-name-agent",
            "{\"path\":\"collector.resources.requests\","
                + "\"file\":\"values-coalescing/charts/agent/values.yaml\",\"line\":7}")
        .containsEntry(
            // the parent's global, which Helm copies into the subchart
            "priority-class-missing release-name-agent",
            "{\"path\":\"global.priorityClassName\","
                + "\"file\":\"values-coalescing/values.yaml\",\"line\":2}")
        .containsEntry(
            // import-values: the parent's path, set where the child sets what it imports
            "memory-request-missing release-name-app",
            "{\"path\":\"importedResources\","
                + "\"file\":\"values-coalescing/charts/agent/values.yaml\",\"line\":2}")
        .containsEntry(
            // a packaged subchart's values, read from the archive
            "cpu-request-missing release-name-packaged",
            "{\"path\":\"packaged.resources\",\"file\":"
                + "\"values-coalescing/charts/packaged-0.1.0.tgz!/packaged/values.yaml\",\"line\":1}");
    // the subchart its condition disables renders nothing, so has no findings
    assertThat(values.keySet()).noneMatch(k -> k.contains("disabled"));
    assertThat(values.values()).doesNotContain("{\"source\":\"template\"}");
  }

  @Test
  void aValueTheTemplateReadsButNoValuesFileSetsIsNamedAsUnset() throws IOException {
    Path template = dir.resolve("node-agent/templates/daemonset.yaml");
    Files.writeString(
        template,
        Files.readString(template)
            .replace(
                "    spec:\n",
                "    spec:\n      {{- with .Values.priorityClassName }}\n"
                    + "      priorityClassName: {{ . }}\n      {{- end }}\n"));

    Cli json = Cli.run(dir, "lint", "node-agent", "--format", "json");

    JsonNode priority = null;
    for (JsonNode f : json.json().get("findings")) {
      if (f.get("ruleId").asText().equals("priority-class-missing")) {
        priority = f;
      }
    }
    assertThat(priority.get("location").get("values").toString())
        .isEqualTo("{\"path\":\"priorityClassName\",\"source\":\"unset\"}");
    assertThat(Cli.run(dir, "lint", "node-agent").out())
        .contains("       value: priorityClassName (not set: the chart's default applies)\n");
  }

  @Test
  void hostileValuesCannotWriteOutputLinesOrStallProvenance() throws IOException {
    Path values = dir.resolve("node-agent/values.yaml");
    String hostile =
        Files.readString(values)
            .replace(
                "resources: {}",
                "resources: {}\n\"evil\\n::error::owned\\e[31m\": {resources: {}}\n"
                    + "deep: "
                    + "{a: ".repeat(40)
                    + "{}"
                    + "}".repeat(40)
                    + "\nhuge: \""
                    + "x".repeat(200_000)
                    + "\"");
    Files.writeString(values, hostile);
    // the agent's resources come from the hostile key
    Path template = dir.resolve("node-agent/templates/daemonset.yaml");
    Files.writeString(
        template,
        Files.readString(template)
            .replace(
                "toYaml .Values.resources |",
                "toYaml (index .Values \"evil\\n::error::owned\\x1b[31m\").resources |"));

    Cli text =
        Cli.run(
            dir,
            "lint",
            "node-agent",
            "--set",
            "a\\.b[0].c=1,resources.requests.cpu=0,x[0]=1",
            "--set-string",
            "q\\,w=\u001b[31m");

    assertThat(text.out()).doesNotContain("\u001b").doesNotContain("\n::error");
    assertThat(text.out().lines().filter(l -> l.startsWith("::"))).isEmpty();
    assertThat(text.err()).doesNotContain("Exception");
    assertThat(text.out())
        .contains(
            "       value: evil\\n::error::owned\\e[31m.resources (set in node-agent/values.yaml:");
  }

  @Test
  void theRendersThatProveAFixUseTheRunsOwnOptions() throws IOException {
    List<ChartRenderRequest> seen = new CopyOnWriteArrayList<>();
    ChartRenderer embedded = ChartRenderers.defaultRenderer(null);
    ChartRenderer recording =
        new ChartRenderer() {
          @Override
          public RenderedChart render(ChartRenderRequest r) throws ChartRenderException {
            seen.add(r);
            return embedded.render(r);
          }

          @Override
          public String describe() {
            return embedded.describe();
          }
        };
    ChartRenderRequest options =
        ChartRenderRequest.of(dir).withLimits(true, Duration.ofSeconds(17));
    LintRequest request =
        LintRequest.of(List.of("node-agent"), dir).withRenderer(recording, options, false);
    RuleSet rules = RuleSet.discover();
    LintResult result = new Linter(rules).lint(request);
    ChartFixer.Outcome fixed = new ChartFixer(rules).fix(request, result);

    assertThat(fixed.findings())
        .anyMatch(
            f -> f.location().values() != null && "affinity".equals(f.location().values().path()));
    assertThat(seen).hasSizeGreaterThan(1); // the lint's render, then the proof's
    assertThat(seen)
        .allSatisfy(
            r -> {
              assertThat(r.noHooks()).as("--no-hooks").isTrue();
              assertThat(r.timeout()).as("--render-timeout").isEqualTo(Duration.ofSeconds(17));
            });
  }

  /** A renderer that records each request and the thread that made it. */
  private static final class Recording implements ChartRenderer {
    final ChartRenderer embedded = ChartRenderers.defaultRenderer(null);
    final List<ChartRenderRequest> seen = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public RenderedChart render(ChartRenderRequest r) throws ChartRenderException {
      seen.add(r);
      threads.add(Thread.currentThread().getName());
      return embedded.render(r);
    }

    @Override
    public String describe() {
      return embedded.describe();
    }

    /** The renders with the run's values alone: lint's own, not those that prove a value. */
    long withTheRunsValues() {
      return seen.stream()
          .filter(
              r ->
                  r.valuesFiles().stream()
                      .noneMatch(f -> f.getFileName().toString().startsWith("chartlint-override")))
          .count();
    }
  }

  @Test
  void lintTracesValuesFromItsOwnRenderOfTheChart() {
    Recording renderer = new Recording();
    LintRequest request =
        LintRequest.of(List.of("node-agent"), dir)
            .withThreads(1)
            .withRenderer(renderer, ChartRenderRequest.of(dir), false);

    LintResult result = new Linter(RuleSet.discover()).lint(request);

    assertThat(result.findings())
        .anyMatch(
            f -> f.location().values() != null && "affinity".equals(f.location().values().path()))
        .anyMatch(
            f ->
                f.ruleId().equals("cpu-request-missing")
                    && f.location().values() != null
                    && "resources".equals(f.location().values().path()));
    // one render with the run's values; every other render carries a value being proven
    assertThat(renderer.withTheRunsValues()).isEqualTo(1);
    assertThat(renderer.seen).hasSizeGreaterThan(1);
    // --threads 1: nothing renders beside the caller
    assertThat(renderer.threads).containsOnly(Thread.currentThread().getName());
    // what chartlint fix proves: the override lint found, for the finding with an exact edit
    assertThat(result.valuesFixes()).hasSize(1);
    assertThat(result.valuesFixes().get(0).override()).containsOnlyKeys("affinity");
  }

  @Test
  void withCiValuesEachValuesSetRendersOnceWithTheRunsValues() {
    Recording renderer = new Recording();
    LintRequest request =
        LintRequest.of(List.of("node-agent"), dir)
            .withRenderer(renderer, ChartRenderRequest.of(dir), true);

    LintResult result = new Linter(RuleSet.discover()).lint(request);

    // values.yaml, ci/exporter-values.yaml and ci/requests-values.yaml
    assertThat(renderer.withTheRunsValues()).isEqualTo(3);
    assertThat(result.findings())
        .anyMatch(
            f ->
                f.valuesSets().size() > 1
                    && f.location().values() != null
                    && "sidecars".equals(f.location().values().path()));
  }

  @Test
  void aLintThatOnlyCountsFindingsRendersOnceAndTracesNothing() {
    Recording renderer = new Recording();
    LintRequest request =
        LintRequest.of(List.of("node-agent"), dir)
            .withRenderer(renderer, ChartRenderRequest.of(dir), false);

    LintResult result = new Linter(RuleSet.discover()).withoutValuesProvenance().lint(request);

    assertThat(result.findings()).isNotEmpty().allMatch(f -> f.location().values() == null);
    assertThat(renderer.seen).hasSize(1);
    assertThat(result.valuesFixes()).isEmpty();
  }

  @Test
  void aFindingTheBaselineHidesIsNotTracedAndTheOthersAre() throws IOException {
    Cli.run(dir, "lint", "node-agent", "--write-baseline", "all.json");
    // keep only the exclusion in the baseline: it is hidden, the rest is reported
    JsonNode all = new ObjectMapper().readTree(dir.resolve("all.json").toFile());
    com.fasterxml.jackson.databind.node.ArrayNode entries =
        (com.fasterxml.jackson.databind.node.ArrayNode) all.get("findings");
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (!entries.get(i).get("ruleId").asText().equals("virtual-node-exclusion")) {
        entries.remove(i);
      }
    }
    new ObjectMapper().writeValue(dir.resolve("baseline.json").toFile(), all);
    Recording renderer = new Recording();
    LintRequest request =
        LintRequest.of(List.of("node-agent"), dir)
            .withBaseline(dir.resolve("baseline.json"))
            .withRenderer(renderer, ChartRenderRequest.of(dir), false);

    LintResult result = new Linter(RuleSet.discover()).lint(request);

    assertThat(result.suppressed())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.finding().ruleId()).isEqualTo("virtual-node-exclusion");
              assertThat(s.finding().location().values()).isNull();
            });
    assertThat(result.findings())
        .isNotEmpty()
        .noneMatch(f -> f.ruleId().equals("virtual-node-exclusion"))
        .anyMatch(f -> f.location().values() != null);
    // no exact edit is reported, so no override is looked for
    assertThat(result.valuesFixes()).isEmpty();
  }

  @Test
  void aValuesFileGivenWithFIsWhereTheValueIsSet() throws IOException {
    Files.writeString(dir.resolve("site.yaml"), "# site values\naffinity: {}\n");
    Cli json = Cli.run(dir, "lint", "node-agent", "-f", "site.yaml", "--format", "json");
    assertThat(exclusion(json).get("location").get("values").toString())
        .isEqualTo("{\"path\":\"affinity\",\"file\":\"site.yaml\",\"line\":2}");
  }

  @Test
  void fixWritesAnOverrideThatFixesTheChartAndNeverEditsIt() throws IOException {
    Map<Path, String> before = contents(dir.resolve("node-agent"));

    Cli fix = Cli.run(dir, "fix", "node-agent", "--values-out", "override.yaml");

    assertThat(contents(dir.resolve("node-agent"))).isEqualTo(before);
    assertThat(fix.err()).contains("fixed 1 finding");
    assertThat(fix.out()).doesNotContain("virtual-node-exclusion");
    String override = Files.readString(dir.resolve("override.yaml"));
    assertThat(override)
        .startsWith(
            """
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                  - matchExpressions:
                    - key: type
                      operator: NotIn
            """);
    Cli after = Cli.run(dir, "lint", "node-agent", "-f", "override.yaml", "--format", "json");
    assertThat(exclusion(after)).isNull();
    Cli without = Cli.run(dir, "lint", "node-agent", "--format", "json");
    assertThat(after.json().get("findings").size())
        .isEqualTo(without.json().get("findings").size() - 1);
  }

  private static Map<Path, String> contents(Path root) throws IOException {
    Map<Path, String> map = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        map.put(root.relativize(p), Files.readString(p));
      }
    }
    return map;
  }
}
