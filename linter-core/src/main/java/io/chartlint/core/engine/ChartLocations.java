package io.chartlint.core.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Maps Helm's {@code # Source:} paths back to template files on disk. */
final class ChartLocations {
  private ChartLocations() {}

  /**
   * The template file of a source path such as {@code kruise/templates/manager.yaml} or {@code
   * parent/charts/sub/templates/x.yaml} (Helm prefixes the chart's name), or null when the chart is
   * packaged or the file is not there.
   */
  static Path templateFile(Path chart, String sourcePath) {
    if (sourcePath == null || !Files.isDirectory(chart)) {
      return null;
    }
    int slash = sourcePath.indexOf('/');
    if (slash < 0) {
      return null;
    }
    Path file = chart.resolve(sourcePath.substring(slash + 1)).normalize();
    return file.startsWith(chart.normalize()) && Files.isRegularFile(file) ? file : null;
  }
}
