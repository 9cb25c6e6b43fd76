package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.ChartRenderers;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.testdata.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every finding of every corpus chart, rendered with its default values and each {@code
 * ci/*-values.yaml}, lands on the template line that wrote it. The expected table, {@code
 * testdata/src/main/resources/locations/corpus.tsv}, was checked against the templates; any
 * difference fails. Run with {@code -Dchartlint.updateLocations=true} to rewrite it after a change
 * that is meant to move findings, and check the rows that moved.
 */
class CorpusLocationsTest {
  private static final Path TABLE = Fixtures.resources().resolve("locations/corpus.tsv");

  @Test
  void everyCorpusFindingPointsAtTheTemplateLineThatWroteIt() throws IOException {
    Path charts =
        Path.of(System.getProperty("chartlint.corpus", "../../shared/corpus"))
            .resolve("charts")
            .toAbsolutePath()
            .normalize();
    assumeTrue(Files.isDirectory(charts), "no corpus at " + charts);
    List<String> inputs;
    try (Stream<Path> list = Files.list(charts)) {
      inputs =
          list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
    ChartRenderRequest options =
        new ChartRenderRequest(
            charts,
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
                LintRequest.of(inputs, charts)
                    .withRenderer(ChartRenderers.defaultRenderer(null), options, true)
                    .withThreads(2));
    List<String> rows = new ArrayList<>();
    rows.add("# file:line:column\trule\tresource\tpath\tincluded from\tvalues sets");
    for (Finding f : result.findings()) {
      rows.add(row(f));
    }
    String actual = String.join("\n", rows) + "\n";
    if (Boolean.getBoolean("chartlint.updateLocations")) {
      Files.createDirectories(TABLE.getParent());
      Files.writeString(TABLE, actual, StandardCharsets.UTF_8);
    }
    assertThat(result.internalErrors()).isEmpty();
    // every document of every chart that renders is mapped to its template's lines
    assertThat(result.notices()).noneMatch(n -> n.contains("template lines"));
    assertThat(actual)
        .as("corpus locations differ from " + TABLE)
        .isEqualTo(Files.readString(TABLE, StandardCharsets.UTF_8));
  }

  private static String row(Finding f) {
    Location l = f.location();
    List<String> related = new ArrayList<>();
    for (Location.Related r : l.related()) {
      related.add(r.file() + ":" + r.line() + ":" + r.column());
    }
    return l.file()
        + ":"
        + l.line()
        + ":"
        + l.column()
        + "\t"
        + f.ruleId()
        + "\t"
        + (f.resource() == null ? "-" : f.resource().kind() + "/" + f.resource().name())
        + "\t"
        + (f.path() == null || f.path().isEmpty() ? "-" : f.path())
        + "\t"
        + (related.isEmpty() ? "-" : String.join(" ", related))
        + "\t"
        + String.join(",", f.valuesSets());
  }
}
