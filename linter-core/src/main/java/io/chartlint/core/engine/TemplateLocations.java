package io.chartlint.core.engine;

import io.chartlint.core.load.helm.sourcemap.SourceMap;
import io.chartlint.core.rule.Location;
import io.chartlint.core.text.Escaping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places findings of a rendered chart on the template lines that wrote them.
 *
 * <p>Text that a named template wrote is placed inside the {@code define}, where it is written and
 * where one change fixes every caller; the {@code include} calls that wrote it are related
 * locations, so annotations also show the line in the template the user may be editing.
 */
final class TemplateLocations {
  /** Action text is template content: shown shortened, on one line. */
  private static final int MAX_ACTION = 160;

  private TemplateLocations() {}

  static Location locate(
      SourceMap map,
      Path chart,
      String template,
      String displayName,
      int streamLine,
      int column,
      Path workingDirectory) {
    // The line is the template line that wrote the rendered line's first character: for
    // "- name: {{ include "app.name" . }}" the list item's line, not the helper's.
    Optional<SourceMap.Origin> origin = map == null ? Optional.empty() : map.line(streamLine);
    if (origin.isPresent()) {
      SourceMap.Origin o = origin.get();
      Path file = ChartFiles.inChart(chart, o.file());
      if (file != null) {
        List<Location.Related> related = new ArrayList<>();
        for (SourceMap.Call call : o.calls()) {
          Path caller = ChartFiles.inChart(chart, call.file());
          if (caller != null) {
            related.add(
                new Location.Related(
                    Inputs.display(caller, workingDirectory),
                    call.line(),
                    call.column(),
                    "included by " + oneLine(call.action())));
          }
        }
        return new Location(
            Inputs.display(file, workingDirectory),
            o.line(),
            o.exact() ? column(map, streamLine, column, o) : 0,
            template,
            streamLine,
            related);
      }
    }
    Path file = ChartFiles.templateFile(chart, template);
    if (file != null) {
      // the map does not know this document: its template, with no better line than the first
      return new Location(Inputs.display(file, workingDirectory), 1, 0, template, streamLine);
    }
    return new Location(displayName, streamLine, column, template, streamLine);
  }

  /**
   * The column on the template line of what wrote the node's first character: the text itself, or
   * the action or {@code include} on that line that wrote it; else the line's first character.
   */
  private static int column(SourceMap map, int streamLine, int column, SourceMap.Origin line) {
    if (column <= 0) {
      return line.column();
    }
    SourceMap.Origin node = map.at(streamLine, column).orElse(line);
    if (node.file().equals(line.file()) && node.line() == line.line()) {
      return node.column();
    }
    List<SourceMap.Call> calls = node.calls();
    for (int i = calls.size() - 1; i >= 0; i--) {
      SourceMap.Call call = calls.get(i);
      if (call.file().equals(line.file()) && call.line() == line.line()) {
        return call.column();
      }
    }
    return line.column();
  }

  /** Template text as one short line with control characters escaped. */
  static String oneLine(String text) {
    String cut = text.length() > MAX_ACTION ? text.substring(0, MAX_ACTION) : text;
    String shown = Escaping.text(cut.replace("\r\n", " ").replace('\n', ' ').replace('\t', ' '));
    return text.length() > MAX_ACTION ? shown + "…" : shown;
  }
}
