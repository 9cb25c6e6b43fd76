package io.chartlint.core.load.helm;

/**
 * Renders a Helm chart to a stream of manifests, as {@code helm template} does.
 *
 * <p>Implementations are thread-safe: many charts render in parallel in one process.
 */
public interface ChartRenderer {

  /**
   * Renders one chart.
   *
   * @throws ChartRenderException when Helm cannot render the chart; the exception names the
   *     template file and line Helm reports, where it reports one
   */
  RenderedChart render(ChartRenderRequest request) throws ChartRenderException;

  /** A short name for messages and {@code --debug} output, such as {@code embedded Helm 3.20.0}. */
  String describe();
}
