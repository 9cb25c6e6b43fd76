package io.chartlint.core.load.helm;

/**
 * The output of rendering a chart.
 *
 * @param manifests the rendered stream, documents separated by {@code ---} and each headed by
 *     Helm's {@code # Source: <chart>/templates/<file>} comment
 * @param warnings what Helm printed as warnings, one per line
 */
public record RenderedChart(String manifests, java.util.List<String> warnings) {}
