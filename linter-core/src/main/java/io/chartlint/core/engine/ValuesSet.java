package io.chartlint.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One way of rendering a chart: its defaults, or its defaults plus one {@code ci/*-values.yaml}
 * file (the chart-testing convention).
 *
 * @param name what findings call it: {@code values.yaml} or {@code ci/<file>}
 * @param file the extra values file, or null for the defaults
 */
record ValuesSet(String name, Path file) {

  static List<ValuesSet> of(Path chart, boolean ciValues) {
    List<ValuesSet> sets = new ArrayList<>();
    sets.add(new ValuesSet("values.yaml", null));
    Path ci = chart.resolve("ci");
    if (ciValues && Files.isDirectory(ci)) {
      try (Stream<Path> files = Files.list(ci)) {
        files
            .filter(f -> f.getFileName().toString().endsWith("-values.yaml"))
            .sorted()
            .forEach(f -> sets.add(new ValuesSet("ci/" + f.getFileName(), f)));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return sets;
  }
}
