package io.chartlint.core.load;

import java.nio.file.Path;

/**
 * Where a stream of documents comes from.
 *
 * @param displayName the name findings show: the path as the user gave it or relative to the
 *     working directory, or {@code <stdin>}
 * @param path the file on disk, or null for standard input and rendered charts
 * @param chart the chart the stream was rendered from, or null for plain manifests
 */
public record InputSource(String displayName, Path path, RenderedChartSource chart) {

  public static InputSource file(String displayName, Path path) {
    return new InputSource(displayName, path, null);
  }

  /** A stream rendered from a chart: findings map back to the chart's templates. */
  public record RenderedChartSource(
      Path chartDirectory, String chartDisplayName, String valuesSet) {}
}
