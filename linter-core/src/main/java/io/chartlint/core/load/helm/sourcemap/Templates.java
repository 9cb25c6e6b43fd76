package io.chartlint.core.load.helm.sourcemap;

import io.chartlint.core.load.helm.sourcemap.Parser.Node;
import io.chartlint.core.text.Lines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The template sources of a chart and its subcharts, parsed, with their named templates. Files are
 * keyed by their path in the chart ({@code templates/deployment.yaml}, {@code
 * charts/sub/templates/_helpers.tpl}).
 */
final class Templates {
  /** A named template: the file that defines it and its body. */
  record Defined(int file, List<Node> body) {}

  private final List<String> paths = new ArrayList<>();
  private final List<String> shown = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();
  private final List<int[]> lineStarts = new ArrayList<>();
  private final List<List<Node>> trees = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Integer> byPath = new HashMap<>();

  /** Named templates by chart (the path prefix before {@code templates/}), then by name. */
  private final Map<String, Map<String, Defined>> definesByChart = new HashMap<>();

  private final Map<String, Defined> defines = new HashMap<>();
  private final Map<Integer, Program> programs = new ConcurrentHashMap<>();

  /**
   * Parses every file; files are taken in path order, as Helm parses them.
   *
   * @param files the text of each file, by the path Helm names it with
   * @param onDisk where those of a chart directory are, relative to the chart
   */
  Templates(Map<String, String> files, Map<String, String> onDisk) {
    for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
      int index = paths.size();
      paths.add(e.getKey());
      shown.add(onDisk.getOrDefault(e.getKey(), e.getKey()));
      sources.add(e.getValue());
      lineStarts.add(Lines.starts(e.getValue()));
      byPath.put(e.getKey(), index);
      Map<String, List<Node>> found = new HashMap<>();
      List<Node> tree;
      try {
        tree = Parser.parse(e.getValue(), found);
      } catch (Lexer.LexException ex) {
        problems.add(e.getKey() + ":" + line(index, ex.offset) + ": " + ex.getMessage());
        tree = null;
      } catch (Parser.ParseException ex) {
        problems.add(e.getKey() + ":" + line(index, ex.offset) + ": " + ex.getMessage());
        tree = null;
      }
      trees.add(tree);
      String chart = chartOf(e.getKey());
      for (Map.Entry<String, List<Node>> d : found.entrySet()) {
        Defined defined = new Defined(index, d.getValue());
        defines.put(d.getKey(), defined);
        definesByChart.computeIfAbsent(chart, k -> new HashMap<>()).put(d.getKey(), defined);
      }
    }
  }

  /** Templates that could not be parsed, with file and line. */
  List<String> problems() {
    return problems;
  }

  /** The index of a file, or -1. */
  int index(String path) {
    Integer i = byPath.get(path);
    return i == null || trees.get(i) == null ? -1 : i;
  }

  /** A file's path in the chart as it is on disk, where it is on disk. */
  String path(int file) {
    return shown.get(file);
  }

  String source(int file) {
    return sources.get(file);
  }

  List<Node> nodes(int file) {
    return trees.get(file);
  }

  /** The compiled automaton of a file, built once. */
  Program program(int file) {
    return programs.computeIfAbsent(file, f -> Program.compile(this, f));
  }

  /**
   * The named template a file calls: its own chart's first, as a subchart calls its own helpers,
   * else the one Helm would find in its shared namespace.
   */
  Defined define(int callerFile, String name) {
    Map<String, Defined> own = definesByChart.get(chartOf(paths.get(callerFile)));
    Defined d = own == null ? null : own.get(name);
    return d != null ? d : defines.get(name);
  }

  /** The 1-based line of an offset. */
  int line(int file, int offset) {
    int[] starts = lineStarts.get(file);
    int i = java.util.Arrays.binarySearch(starts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** The 1-based column of an offset. */
  int column(int file, int offset) {
    int[] starts = lineStarts.get(file);
    return offset - starts[line(file, offset) - 1] + 1;
  }

  /** The chart a template path belongs to: everything before its last {@code templates/}. */
  private static String chartOf(String path) {
    int at = path.lastIndexOf("templates/");
    return at < 0 ? "" : path.substring(0, at);
  }
}
