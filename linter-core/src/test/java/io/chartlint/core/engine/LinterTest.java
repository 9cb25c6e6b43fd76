package io.chartlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.Severity;
import io.chartlint.core.UsageException;
import io.chartlint.core.model.Container;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleInfo;
import io.chartlint.core.rule.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {
  @TempDir Path dir;

  /** Reports every container named "bad", at its name. */
  @RuleInfo(
      id = "no-bad-containers",
      summary = "Containers are not called bad",
      severity = Severity.WARNING,
      since = "0.1.0",
      category = "test")
  static final class NoBadContainers implements Rule {
    @Override
    public void check(KubeObject object, RuleContext context) {
      object
          .podTemplate()
          .ifPresent(
              pod -> {
                for (Container c : pod.allContainers()) {
                  if (c.name().equals("bad")) {
                    context.report(
                        io.chartlint.core.model.YamlNodes.get(c.node(), "name"),
                        c.describe() + " is bad",
                        "rename it");
                  }
                }
              });
    }
  }

  private final RuleSet rules = new RuleSet(List.of(RuleDescriptor.of(new NoBadContainers())));
  private final Linter linter =
      new Linter(rules, Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private LintResult lint(Config config, String... inputs) {
    return linter.lint(LintRequest.of(List.of(inputs), dir).withConfig(config).withThreads(2));
  }

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: %s
        namespace: shop
      spec:
        template:
          spec:
            containers:
              - name: bad
                image: nginx
      """;

  @Test
  void reportsAtTheFieldWithFileLineColumnAndPath() throws IOException {
    write("app.yaml", DEPLOYMENT.formatted("web"));
    LintResult result = lint(Config.DEFAULTS, "app.yaml");
    Finding f = result.findings().get(0);
    assertThat(f.location().file()).isEqualTo("app.yaml");
    assertThat(f.location().line()).isEqualTo(10);
    assertThat(f.location().column()).isEqualTo(17);
    assertThat(f.path()).isEqualTo("spec.template.spec.containers[0].name");
    assertThat(f.resource().display()).isEqualTo("Deployment/shop/web");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void lintsDocumentsAfterABrokenOne() throws IOException {
    write(
        "stream.yaml",
        DEPLOYMENT.formatted("one") + "---\nkind: [\n---\n" + DEPLOYMENT.formatted("two"));
    LintResult result = lint(Config.DEFAULTS, "stream.yaml");
    assertThat(result.findings())
        .extracting(f -> f.resource().name() + ":" + f.location().line())
        .containsExactly("one:10", "two:24");
  }

  @Test
  void readsStandardInput() {
    LintRequest request =
        LintRequest.of(List.of("-"), dir)
            .withStdin(
                new ByteArrayInputStream(
                    DEPLOYMENT.formatted("piped").getBytes(StandardCharsets.UTF_8)));
    LintResult result = linter.lint(request);
    assertThat(result.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.location().file()).isEqualTo("<stdin>"));
  }

  @Test
  void searchesDirectoriesButSkipsHiddenOnes() throws IOException {
    write("a/one.yaml", DEPLOYMENT.formatted("one"));
    write("a/b/two.yml", DEPLOYMENT.formatted("two"));
    write(".git/three.yaml", DEPLOYMENT.formatted("three"));
    write("a/notes.txt", "not yaml");
    LintResult result = lint(Config.DEFAULTS, ".");
    assertThat(result.findings())
        .extracting(f -> f.location().file())
        .containsExactly("a/b/two.yml", "a/one.yaml");
  }

  @Test
  void aMissingInputIsAUsageError() {
    assertThatThrownBy(() -> lint(Config.DEFAULTS, "nope.yaml"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("nope.yaml");
  }

  @Test
  void anIgnoreCommentSuppressesItsLineAndTheNext() throws IOException {
    write(
        "app.yaml",
        DEPLOYMENT
            .formatted("web")
            .replace(
                "        - name: bad",
                "        # chartlint:ignore no-bad-containers legacy\n        - name: bad"));
    LintResult result = lint(Config.DEFAULTS, "app.yaml");
    assertThat(result.findings()).isEmpty();
    assertThat(result.suppressed())
        .singleElement()
        .satisfies(s -> assertThat(s.by()).contains("comment at line 10").contains("legacy"));
  }

  @Test
  void anIgnoreAnnotationSuppressesTheObjectAndAnUnusedOneIsListed() throws IOException {
    String annotated =
        DEPLOYMENT
            .formatted("web")
            .replace(
                "  namespace: shop",
                "  namespace: shop\n  annotations:\n    chartlint.io/ignore: \"no-bad-containers\"");
    String unused =
        DEPLOYMENT
            .formatted("api")
            .replace("- name: bad", "- name: good")
            .replace(
                "  namespace: shop",
                "  namespace: shop\n  annotations:\n    chartlint.io/ignore: \"*\"");
    write("app.yaml", annotated + "---\n" + unused);
    LintResult result = lint(Config.DEFAULTS, "app.yaml");
    assertThat(result.findings()).isEmpty();
    assertThat(result.suppressed()).hasSize(1);
    assertThat(result.unusedSuppressions())
        .singleElement()
        .asString()
        .contains("Deployment/shop/api");
  }

  @Test
  void excludesApplyUntilTheirDateAndExpiredOnesAreNamed() throws IOException {
    write("app.yaml", DEPLOYMENT.formatted("web") + "---\n" + DEPLOYMENT.formatted("api"));
    Config config =
        new Config(
            dir.resolve(".chartlint.yaml"),
            null,
            java.util.Map.of(),
            List.of(),
            List.of(),
            List.of(
                new Config.Exclude("Deployment", null, "w*", null, List.of(), "legacy", null, 3),
                new Config.Exclude(
                    null,
                    null,
                    "api",
                    null,
                    List.of(),
                    "old",
                    java.time.LocalDate.parse("2026-01-01"),
                    7)),
            null,
            List.of());
    LintResult result = lint(config, "app.yaml");
    assertThat(result.findings()).extracting(f -> f.resource().name()).containsExactly("api");
    assertThat(result.notices()).singleElement().asString().contains("expired on 2026-01-01");
  }

  @Test
  void configuredSeverityAndDisablingApply() throws IOException {
    write("app.yaml", DEPLOYMENT.formatted("web"));
    Config error =
        ConfigLoader.parse(
            dir.resolve("c.yaml"), "rules:\n  no-bad-containers: {severity: error}\n");
    assertThat(lint(error, "app.yaml").findings())
        .extracting(Finding::severity)
        .containsExactly(Severity.ERROR);
    Config off =
        ConfigLoader.parse(
            dir.resolve("c.yaml"), "rules:\n  no-bad-containers: {enabled: false}\n");
    assertThat(lint(off, "app.yaml").findings()).isEmpty();
  }

  @Test
  void anUnknownRuleInConfigIsAUsageErrorWithASuggestion() throws IOException {
    write("app.yaml", DEPLOYMENT.formatted("web"));
    Config config = ConfigLoader.parse(dir.resolve("c.yaml"), "rules:\n  no-bad-container: {}\n");
    assertThatThrownBy(() -> lint(config, "app.yaml"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("c.yaml:2")
        .hasMessageContaining("did you mean 'no-bad-containers'");
  }

  @Test
  void aFileInsideAChartStandsForItsChart() throws IOException {
    write("chart/Chart.yaml", "apiVersion: v2\nname: chart\nversion: 0.1.0\n");
    write("chart/templates/a.yaml", "kind: {{ .Values.kind }}\n");
    write("chart/templates/b.yaml", "kind: x\n");
    LintResult result = lint(Config.DEFAULTS, "chart/templates/a.yaml", "chart/templates/b.yaml");
    assertThat(result.files()).isEqualTo(1);
  }

  @Test
  void ordersFindingsDeterministicallyWhateverTheThreads() throws IOException {
    for (int i = 0; i < 20; i++) {
      write("m/" + i + ".yaml", DEPLOYMENT.formatted("app" + i));
    }
    List<String> one =
        linter.lint(LintRequest.of(List.of("m"), dir).withThreads(1)).findings().stream()
            .map(f -> f.location().file())
            .toList();
    List<String> four =
        linter.lint(LintRequest.of(List.of("m"), dir).withThreads(4)).findings().stream()
            .map(f -> f.location().file())
            .toList();
    assertThat(four).isEqualTo(one).hasSize(20);
  }
}
