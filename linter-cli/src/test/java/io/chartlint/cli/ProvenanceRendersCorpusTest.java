package io.chartlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chartlint.core.engine.FailOn;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.load.helm.ChartRenderException;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.ChartRenderer;
import io.chartlint.core.load.helm.ChartRenderers;
import io.chartlint.core.load.helm.RenderedChart;
import io.chartlint.core.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The renders a lint makes of each chart of the shared corpus: one with the run's values, whose
 * render and source map also serve values provenance, and a bounded number that prove values (a
 * sentinel or a fixed value in an override). Printed per chart, as {@code PROVENANCE-RENDERS}.
 */
class ProvenanceRendersCorpusTest {
  /** Sentinel renders (6) and the rounds that prove an exact fix's value (3), per values set. */
  private static final int PROVING_RENDERS = 9;

  @Test
  void eachChartRendersOnceWithItsValuesAndABoundedNumberOfTimesToProveThem() throws IOException {
    String corpus = System.getProperty("chartlint.corpus", "../../shared/corpus");
    Path charts = Path.of(corpus).resolve("charts").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(charts), "no corpus at " + charts);
    List<Path> all;
    try (Stream<Path> list = Files.list(charts)) {
      all = list.filter(Files::isDirectory).sorted().toList();
    }
    RuleSet rules = RuleSet.discover();
    ChartRenderer embedded = ChartRenderers.defaultRenderer(null);
    int traced = 0;
    int total = 0;
    for (Path chart : all) {
      AtomicInteger own = new AtomicInteger();
      AtomicInteger proving = new AtomicInteger();
      ChartRenderer counting =
          new ChartRenderer() {
            @Override
            public RenderedChart render(ChartRenderRequest r) throws ChartRenderException {
              boolean override =
                  r.valuesFiles().stream()
                      .anyMatch(f -> f.getFileName().toString().startsWith("chartlint-override"));
              (override ? proving : own).incrementAndGet();
              return embedded.render(r);
            }

            @Override
            public String describe() {
              return embedded.describe();
            }
          };
      LintRequest request =
          LintRequest.of(List.of(chart.toString()), charts)
              .withFailOn(FailOn.NEVER)
              .withRenderer(counting, ChartRenderRequest.of(charts), false);
      LintResult result = new Linter(rules).lint(request);
      long withValues =
          result.findings().stream().filter(f -> f.location().values() != null).count();
      System.out.printf(
          "PROVENANCE-RENDERS %s: %d with its values, %d proving; %d of %d findings traced%n",
          chart.getFileName(), own.get(), proving.get(), withValues, result.findings().size());
      assertThat(own.get()).as(chart + ": renders with the run's values").isEqualTo(1);
      assertThat(proving.get())
          .as(chart + ": proving renders")
          .isLessThanOrEqualTo(PROVING_RENDERS);
      traced += (int) withValues;
      total += own.get() + proving.get();
    }
    System.out.printf("PROVENANCE-RENDERS all %d charts: %d renders%n", all.size(), total);
    assertThat(traced).as("findings traced to a value or the template").isPositive();
  }
}
