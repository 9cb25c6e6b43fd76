package io.chartlint.core.engine;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** The files of a chart directory that findings point at. */
final class ChartFiles {
  private ChartFiles() {}

  /**
   * The template file of a {@code # Source:} path ({@code <chart>/templates/<file>}), or null for a
   * packaged chart or no such file.
   */
  static Path templateFile(Path chart, String sourcePath) {
    if (sourcePath == null) {
      return null;
    }
    int slash = sourcePath.indexOf('/');
    return slash < 0 ? null : inChart(chart, sourcePath.substring(slash + 1));
  }

  /**
   * The file at a path inside a chart directory, or null when the chart is packaged, the file does
   * not exist or the path leads out of the chart.
   */
  static Path inChart(Path chart, String relative) {
    if (relative == null || !Files.isDirectory(chart)) {
      return null;
    }
    Path root = chart.normalize();
    Path file = root.resolve(relative).normalize();
    return file.startsWith(root) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        ? file
        : null;
  }
}
