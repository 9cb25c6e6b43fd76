package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.ChartRenderers;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.testdata.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The templates of {@code testdata/.../charts/source-map} mark with {@code # expect:} the line each
 * finding of the rendered chart must land on: templated container names, list items in branches,
 * includes in branches that did not render, range items, with, a helper used twice, two objects of
 * one kind in one template, a subchart and a template with Windows line endings.
 */
class ChartLocationsTest {
  private static final Path CHARTS = Fixtures.resources().resolve("charts");

  @Test
  void everyFindingOfTheChartLandsOnItsMarkedTemplateLine() throws IOException {
    Path chart = CHARTS.resolve("source-map");
    ChartRenderRequest options =
        new ChartRenderRequest(
            CHARTS,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "release-name",
            "default",
            null,
            List.of());
    LintResult result =
        new Linter(RuleSet.discover())
            .lint(
                LintRequest.of(List.of("source-map"), CHARTS)
                    .withRenderer(ChartRenderers.defaultRenderer(null), options, false)
                    .withThreads(1));

    List<String> expected = new ArrayList<>();
    try (Stream<Path> files = Files.walk(chart)) {
      for (Path file : files.filter(f -> f.toString().contains("templates")).sorted().toList()) {
        if (Files.isRegularFile(file)) {
          String shown = CHARTS.relativize(file).toString().replace('\\', '/');
          Fixtures.expectations(file)
              .forEach(e -> expected.add(shown + ":" + e.line() + " " + e.ruleId()));
        }
      }
    }
    List<String> actual = new ArrayList<>();
    for (Finding f : result.findings()) {
      actual.add(f.location().file() + ":" + f.location().line() + " " + f.ruleId());
    }
    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(result.notices()).noneMatch(n -> n.contains("template lines"));
  }

  @Test
  void textAHelperWritesNamesEachIncludeThatCalledIt() {
    LintResult result =
        new Linter(RuleSet.discover())
            .lint(
                LintRequest.of(List.of("source-map"), CHARTS)
                    .withRenderer(
                        ChartRenderers.defaultRenderer(null),
                        new ChartRenderRequest(
                            CHARTS,
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            "release-name",
                            "default",
                            null,
                            List.of()),
                        false));
    List<String> calls =
        result.findings().stream()
            .filter(f -> f.location().file().endsWith("_helpers.tpl"))
            .filter(f -> f.ruleId().equals("cpu-request-missing"))
            .map(
                f -> {
                  assertThat(f.location().related()).hasSize(1);
                  var call = f.location().related().get(0);
                  return call.file()
                      + ":"
                      + call.line()
                      + ":"
                      + call.column()
                      + " "
                      + call.message();
                })
            .toList();
    assertThat(calls)
        .containsExactlyInAnyOrder(
            "source-map/templates/deployment.yaml:48:9 included by {{- include"
                + " \"source-map.sidecar\" (dict \"name\" \"logs\") | nindent 8 }}",
            "source-map/templates/deployment.yaml:49:9 included by {{- include"
                + " \"source-map.sidecar\" (dict \"name\" \"metrics\") | nindent 8 }}");
  }
}
