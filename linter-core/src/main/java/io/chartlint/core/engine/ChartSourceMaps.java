package io.chartlint.core.engine;

import io.chartlint.core.load.helm.RenderedChart;
import io.chartlint.core.load.helm.sourcemap.SourceMap;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Builds the source maps of a chart's renders, and tells the user where a map falls short. */
final class ChartSourceMaps {
  private ChartSourceMaps() {}

  /** The chart's parsed templates, or null (with a notice) when they cannot be read. */
  static SourceMap.Chart templates(Inputs.Chart chart, Sink sink) {
    try {
      SourceMap.Chart templates = SourceMap.chart(chart.path());
      for (String problem : templates.problems()) {
        sink.notice(
            chart.displayName()
                + ": "
                + TemplateLocations.oneLine(problem)
                + "; findings in what it writes are not placed on template lines");
      }
      return templates;
    } catch (IOException | UncheckedIOException e) {
      sink.notice(
          chart.displayName()
              + ": cannot read the templates to place findings on their lines ("
              + TemplateLocations.oneLine(String.valueOf(e.getMessage()))
              + "); findings are not placed on template lines");
      return null;
    }
  }

  /** The map of one render, each document that could not be mapped exactly a notice. */
  static SourceMap map(
      SourceMap.Chart templates,
      RenderedChart rendered,
      Inputs.Chart chart,
      ValuesSet set,
      Sink sink) {
    if (templates == null) {
      return null;
    }
    SourceMap map = templates.map(rendered.manifests());
    for (String fallback : map.fallbacks()) {
      sink.notice(
          chart.displayName()
              + " (values: "
              + set.name()
              + "): "
              + TemplateLocations.oneLine(fallback)
              + "; its findings are not placed on template lines");
    }
    return map;
  }
}
