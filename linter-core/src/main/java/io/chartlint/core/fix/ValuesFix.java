package io.chartlint.core.fix;

import io.chartlint.core.rule.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The values override that lint found for the exact fixes of one chart, before {@code chartlint
 * fix} proves it by linting the chart with it.
 *
 * @param chart the chart directory, as the run resolved it
 * @param chartName the chart as findings show it
 * @param override the values that set every proven field to its fix; empty when none is proven
 * @param steps each finding with an exact edit, in report order, and whether the override fixes it
 */
public record ValuesFix(
    Path chart, String chartName, Map<String, Object> override, List<Step> steps) {

  public ValuesFix {
    steps = List.copyOf(steps);
  }

  /**
   * One finding with an exact edit.
   *
   * @param finding the finding as lint reports it
   * @param unfixable why the override does not fix it; null when it sets the finding's field
   */
  public record Step(Finding finding, String unfixable) {}
}
