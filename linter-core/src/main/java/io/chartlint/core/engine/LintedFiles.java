package io.chartlint.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files a run linted, so that a baseline or exclude entry about a file that was not linted
 * (pre-commit passes only the changed files) is not called unused.
 */
final class LintedFiles {
  private final Set<Path> files = new HashSet<>();
  private final List<Path> charts = new ArrayList<>();
  private boolean stdin;

  void add(Inputs.Input input) {
    if (input instanceof Inputs.ManifestFile f) {
      files.add(f.path().toAbsolutePath().normalize());
    } else if (input instanceof Inputs.Chart c) {
      Path path = c.path().toAbsolutePath().normalize();
      charts.add(path);
      files.add(path);
    } else {
      stdin = true;
    }
  }

  boolean isEmpty() {
    return files.isEmpty() && !stdin;
  }

  /**
   * Whether a baseline entry's file was linted: a manifest linted, a file of a chart linted, or
   * {@code <stdin>} when standard input was.
   *
   * @param file an absolute path, or a name in angle brackets
   */
  boolean coversBaselineFile(String file) {
    if (file.startsWith("<")) {
      return stdin;
    }
    Path path = Path.of(file).toAbsolutePath().normalize();
    if (files.contains(path)) {
      return true;
    }
    for (Path chart : charts) {
      if (path.startsWith(chart)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the run walked the directory of a config file (or one above it): then it saw every
   * object the config's excludes can name.
   */
  boolean coversDirectoryOf(Path configFile, List<Path> walked) {
    if (configFile == null) {
      return true;
    }
    Path dir = configFile.toAbsolutePath().normalize().getParent();
    for (Path w : walked) {
      if (dir != null && dir.startsWith(w)) {
        return true;
      }
    }
    return false;
  }
}
