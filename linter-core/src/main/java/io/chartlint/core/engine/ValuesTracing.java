package io.chartlint.core.engine;

import io.chartlint.core.fix.ChartProvenance;
import io.chartlint.core.fix.ValuesFix;
import io.chartlint.core.rule.Finding;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the findings a run reports in charts their values provenance, from the renders and source
 * maps that linting each chart made.
 *
 * <p>It runs once every suppression and the baseline have had their say: it traces what is
 * reported, not what is hidden, and its renders (bounded per chart) are spent on nothing else.
 * Charts are traced in parallel, with the run's {@code threads}.
 */
final class ValuesTracing {
  private ValuesTracing() {}

  /**
   * The traced run.
   *
   * @param findings the findings given, in their order, traced where they could be
   * @param fixes per chart with findings that have an exact edit, in input order, its override
   */
  record Traced(List<Finding> findings, List<ValuesFix> fixes) {}

  /** One chart to trace: its input, what lint kept of its renders, its reported findings. */
  private record Task(
      Inputs.Chart chart, List<ChartProvenance.Render> renders, List<Finding> reported) {}

  /**
   * @param inputs the run's inputs
   * @param renders for each input, what lint kept of its chart's renders (empty when nothing)
   * @param produced for each input, the findings linting it produced
   * @param findings the findings the run reports, in report order: instances from {@code produced}
   */
  static Traced trace(
      LintRequest request,
      List<Inputs.Input> inputs,
      List<List<ChartProvenance.Render>> renders,
      List<List<Finding>> produced,
      List<Finding> findings) {
    Map<Finding, Integer> byInput = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i) instanceof Inputs.Chart && !renders.get(i).isEmpty()) {
        for (Finding f : produced.get(i)) {
          byInput.put(f, i);
        }
      }
    }
    Map<Integer, List<Finding>> reported = new LinkedHashMap<>();
    for (Finding f : findings) {
      Integer i = byInput.get(f);
      if (i != null) {
        reported.computeIfAbsent(i, k -> new ArrayList<>()).add(f);
      }
    }
    if (reported.isEmpty()) {
      return new Traced(findings, List.of());
    }
    List<Task> tasks = new ArrayList<>();
    reported.keySet().stream()
        .sorted()
        .forEach(
            i ->
                tasks.add(new Task((Inputs.Chart) inputs.get(i), renders.get(i), reported.get(i))));
    List<ChartProvenance.Traced> results = run(request, tasks);
    Map<Finding, Finding> replaced = new IdentityHashMap<>();
    List<ValuesFix> fixes = new ArrayList<>();
    for (int t = 0; t < tasks.size(); t++) {
      List<Finding> before = tasks.get(t).reported();
      ChartProvenance.Traced traced = results.get(t);
      for (int j = 0; j < before.size(); j++) {
        replaced.put(before.get(j), traced.findings().get(j));
      }
      if (traced.fix() != null) {
        fixes.add(traced.fix());
      }
    }
    List<Finding> all = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      all.add(replaced.getOrDefault(f, f));
    }
    return new Traced(all, fixes);
  }

  private static List<ChartProvenance.Traced> run(LintRequest request, List<Task> tasks) {
    return Parallel.map(
        tasks,
        request.threads(),
        "chartlint-values",
        task -> ChartProvenance.trace(request, task.chart(), task.reported(), task.renders()));
  }
}
