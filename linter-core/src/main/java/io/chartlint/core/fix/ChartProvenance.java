package io.chartlint.core.fix;

import io.chartlint.core.engine.Inputs;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.load.helm.ChartRenderException;
import io.chartlint.core.load.helm.sourcemap.SourceMap;
import io.chartlint.core.rule.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traces the findings of a linted chart to the values that wrote their fields, from the renders
 * lint made of it: the engine's one way into values provenance.
 *
 * <p>A finding with an exact edit gets the values path whose fix the chart's override would carry
 * (proven by rendering the chart with that fix); any other finding of an object gets the value
 * whose sentinel appears at its field, or "written in the template" when no candidate's does (see
 * {@link ValuesProvenance}). Only those renders are made: the render of the values set itself, and
 * its source map, are lint's.
 */
public final class ChartProvenance {
  /** The name findings give the chart's default values set. */
  private static final String DEFAULT_SET = "values.yaml";

  private ChartProvenance() {}

  /**
   * What lint made of one values set of the chart.
   *
   * @param set the values set's name, as findings show it: {@code values.yaml} or {@code ci/<file>}
   * @param manifests the rendered stream; null when the render failed
   * @param map lint's source map of the stream; null when there is none
   * @param failure why the render failed; null when it did not
   */
  public record Render(String set, String manifests, SourceMap map, ChartRenderException failure) {}

  /**
   * The chart's findings traced.
   *
   * @param findings the findings given, in their order, each with its values provenance where it
   *     could be told
   * @param fix the override for the findings with an exact edit; null when there are none
   */
  public record Traced(List<Finding> findings, ValuesFix fix) {}

  /**
   * Traces the findings of one chart that a run still reports (after every suppression and the
   * baseline), in report order.
   */
  public static Traced trace(
      LintRequest request, Inputs.Chart chart, List<Finding> findings, List<Render> renders) {
    if (request.renderer() == null || !Files.isDirectory(chart.path())) {
      return new Traced(findings, null);
    }
    Map<String, Render> bySetName = new LinkedHashMap<>();
    renders.forEach(r -> bySetName.putIfAbsent(r.set(), r));
    Render defaults = bySetName.get(DEFAULT_SET);
    if (defaults == null) {
      return new Traced(findings, null);
    }
    Path dir = chart.path().toAbsolutePath().normalize();
    List<Finding> mine = new ArrayList<>();
    List<Finding> others = new ArrayList<>();
    for (Finding f : findings) {
      if (f.location().template() == null
          || !request.workingDirectory().resolve(f.location().file()).normalize().startsWith(dir)) {
        continue;
      }
      if (f.edit() != null && f.valuesSets().size() <= 1) {
        mine.add(f);
      } else if (f.edit() == null && f.resource() != null && f.location().values() == null) {
        others.add(f);
      }
    }
    if (mine.isEmpty() && others.isEmpty()) {
      return new Traced(findings, null);
    }
    Map<Finding, Finding> replaced = new LinkedHashMap<>();
    ChartFixer.PerChart perChart = new ChartFixer.PerChart(request, chart, dir, null, defaults);
    ValuesFix fix = null;
    if (!mine.isEmpty()) {
      ChartFixer.ChartOutcome outcome = perChart.run(mine);
      replaced.putAll(outcome.replaced());
      fix = outcome.fix();
    }
    // with --ci-values, a finding's value is proven with a values set that produced it: the
    // defaults when they did, else its first ci/*-values.yaml file
    Map<String, List<Finding>> bySet = new LinkedHashMap<>();
    for (Finding f : others) {
      String set =
          f.valuesSets().isEmpty() || f.valuesSets().contains(DEFAULT_SET)
              ? DEFAULT_SET
              : f.valuesSets().get(0);
      bySet.computeIfAbsent(set, k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<Finding>> set : bySet.entrySet()) {
      ChartFixer.PerChart with = perChart;
      if (!set.getKey().equals(DEFAULT_SET)) {
        Path file = dir.resolve(set.getKey()).normalize();
        Render render = bySetName.get(set.getKey());
        if (render == null || !file.startsWith(dir.resolve("ci")) || !Files.isRegularFile(file)) {
          continue;
        }
        with = new ChartFixer.PerChart(request, chart, dir, file, render);
      }
      try {
        replaced.putAll(with.provenance(set.getValue()));
      } catch (RuntimeException e) {
        // provenance only adds to findings: a chart it cannot trace keeps them as they are
      }
    }
    List<Finding> traced = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      traced.add(replaced.getOrDefault(f, f));
    }
    return new Traced(traced, fix);
  }
}
