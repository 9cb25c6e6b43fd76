package io.chartlint.core.load.helm.sourcemap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each line of a rendered chart comes from: the template file, line and column that wrote it,
 * the action that wrote it (if an action did) and the {@code include} calls it was written through.
 *
 * <p>Each rendered document, found by Helm's {@code # Source: <chart>/templates/<file>} comment, is
 * aligned with the text of its template: literal text must match exactly, actions match any text,
 * branches that did not render match nothing and {@code range} bodies match once per item. Text
 * written inside a named template ({@code define}) maps to the line of the {@code define} body that
 * writes it, and the {@code include} that called it is kept as the call chain: the line inside the
 * helper is where the text is, and where it must be changed for every caller. A document that
 * cannot be aligned within a fixed budget falls back: its lines map to the first line of its
 * template, marked as not exact, and the fallback is counted.
 *
 * <p>It needs only the template sources and the rendered text, however the text was rendered.
 */
public final class SourceMap {
  private static final Pattern KIND = Pattern.compile("(?m)^kind:\\s*[\"']?([^\\s\"'#]+)");

  /** One step of an include chain: where a named template was called from. */
  public record Call(String file, int line, int column, String action) {}

  /**
   * Where a rendered line or character comes from.
   *
   * @param file the template's path in the chart ({@code templates/deployment.yaml}, {@code
   *     charts/sub/templates/_helpers.tpl})
   * @param line the 1-based line in it
   * @param column the 1-based column, or 0 when unknown
   * @param action the text of the action that wrote it, or null for text written literally
   * @param actions the text of every action that wrote part of the rendered line, in order (the
   *     {@code .Values} paths a line depends on are read from them)
   * @param calls the {@code include}/{@code template} calls it was written through, outermost
   *     first; empty when the template itself wrote it
   * @param exact false for a document that could not be aligned, whose lines all map to the first
   *     line of its template
   */
  public record Origin(
      String file,
      int line,
      int column,
      String action,
      List<String> actions,
      List<Call> calls,
      boolean exact) {}

  /** The parsed templates of one chart, to map any number of renders of it. */
  public static final class Chart {
    private final Templates templates;
    private final List<String> skipped;

    private Chart(Templates templates, List<String> skipped) {
      this.templates = templates;
      this.skipped = skipped;
    }

    /** The map of one rendered stream of this chart. */
    public SourceMap map(String rendered) {
      return new SourceMap(templates, rendered);
    }

    /** Template files that could not be read or parsed, each with the reason. */
    public List<String> problems() {
      List<String> all = new ArrayList<>(skipped);
      all.addAll(templates.problems());
      return all;
    }
  }

  /** A rendered document and which state of its template wrote each character. */
  private record Doc(
      int firstLine, String text, int[] lineOffsets, int file, Program program, int[] writer) {}

  private final Templates templates;
  private final TreeMap<Integer, Doc> docs = new TreeMap<>();
  private final List<String> fallbacks = new ArrayList<>();
  private final Map<Integer, Aligner> aligners = new HashMap<>();

  /** Reads the templates of a chart directory or packaged {@code .tgz}, subcharts included. */
  public static Chart chart(Path chart) throws IOException {
    ChartSources sources = ChartSources.read(chart);
    return new Chart(new Templates(sources.files(), sources.onDisk()), sources.skipped());
  }

  /** The templates given as text, keyed by their path in the chart. */
  public static Chart chart(Map<String, String> files) {
    return new Chart(new Templates(files, Map.of()), List.of());
  }

  private SourceMap(Templates templates, String rendered) {
    this.templates = templates;
    Map<String, Integer> placed = new HashMap<>();
    String[] lines = rendered.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      if (!isSeparator(lines[i])
          || i + 1 >= lines.length
          || !lines[i + 1].startsWith("# Source: ")) {
        i++;
        continue;
      }
      String source = lines[i + 1].substring("# Source: ".length()).strip();
      int first = i + 2;
      int end = first;
      while (end < lines.length && !isSeparator(lines[end])) {
        end++;
      }
      document(source, lines, first, end, placed);
      i = end;
    }
  }

  private static boolean isSeparator(String line) {
    return line.equals("---") || line.equals("---\r");
  }

  private void document(
      String source, String[] lines, int first, int end, Map<String, Integer> placed) {
    StringBuilder text = new StringBuilder();
    int[] offsets = new int[end - first];
    for (int l = first; l < end; l++) {
      offsets[l - first] = text.length();
      text.append(lines[l]);
      if (l + 1 < end) {
        text.append('\n');
      }
    }
    // Helm trims each document it splits from a template's output
    int length = text.length();
    while (length > 0 && Lexer.isSpace(text.charAt(length - 1))) {
      length--;
    }
    int lead = 0;
    while (lead < length && Lexer.isSpace(text.charAt(lead))) {
      lead++;
    }
    if (lead == length) {
      return;
    }
    String body = text.substring(lead, length);
    int slash = source.indexOf('/');
    int file = slash < 0 ? -1 : templates.index(source.substring(slash + 1));
    int firstLine = first + 1;
    if (file < 0) {
      fallbacks.add(source + " (rendered line " + firstLine + "): no such template was read");
      return;
    }
    Program program = templates.program(file);
    Matcher kind = KIND.matcher(body);
    String key = file + "\u0000" + (kind.find() ? kind.group(1) : "");
    int after = placed.getOrDefault(key, -1);
    int[] aligned = aligners.computeIfAbsent(file, f -> new Aligner(program)).align(body, after);
    int[] writer = null;
    if (aligned != null) {
      writer = new int[length];
      java.util.Arrays.fill(writer, 0, lead, -1);
      System.arraycopy(aligned, 0, writer, lead, aligned.length);
      placed.put(key, aligned[0]);
    } else {
      fallbacks.add(
          source + " (rendered line " + firstLine + "): too costly to align with its template");
    }
    docs.put(
        firstLine, new Doc(firstLine, text.substring(0, length), offsets, file, program, writer));
  }

  /** Documents whose lines could not be mapped exactly, each with its rendered line and why. */
  public List<String> fallbacks() {
    return fallbacks;
  }

  /** Where the first character that is not white space on a rendered line (1-based) comes from. */
  public Optional<Origin> line(int renderedLine) {
    return at(renderedLine, 0);
  }

  /**
   * Where the character at a rendered line and column (both 1-based) comes from; column 0, or a
   * column on white space, means the line's first character that is not white space.
   */
  public Optional<Origin> at(int renderedLine, int column) {
    Map.Entry<Integer, Doc> entry = docs.floorEntry(renderedLine);
    if (entry == null) {
      return Optional.empty();
    }
    Doc doc = entry.getValue();
    int index = renderedLine - doc.firstLine();
    if (index >= doc.lineOffsets().length) {
      return Optional.empty();
    }
    if (doc.writer() == null) {
      return Optional.of(
          new Origin(templates.path(doc.file()), 1, 0, null, List.of(), List.of(), false));
    }
    int start = doc.lineOffsets()[index];
    int end =
        index + 1 < doc.lineOffsets().length
            ? doc.lineOffsets()[index + 1] - 1
            : doc.text().length();
    end = Math.min(end, doc.text().length());
    int at = -1;
    if (column > 0
        && start + column - 1 < end
        && !Lexer.isSpace(doc.text().charAt(start + column - 1))) {
      at = start + column - 1;
    } else {
      for (int c = start; c < end; c++) {
        if (!Lexer.isSpace(doc.text().charAt(c))) {
          at = c;
          break;
        }
      }
    }
    if (at < 0 || doc.writer()[at] < 0) {
      return Optional.empty();
    }
    Program p = doc.program();
    Set<String> actions = new LinkedHashSet<>();
    for (int c = start; c < end; c++) {
      int s = doc.writer()[c];
      if (s >= 0 && p.kind[s] == Program.WILD) {
        actions.add(p.sites.get(p.target[s]).text());
      }
    }
    int s = doc.writer()[at];
    int fileIndex;
    int offset;
    String action = null;
    if (p.kind[s] == Program.WILD) {
      Program.Site site = p.sites.get(p.target[s]);
      fileIndex = site.file();
      offset = site.start();
      action = site.text();
    } else {
      fileIndex = p.file[s];
      offset = p.offset[s];
    }
    List<Call> calls = new ArrayList<>();
    for (int c = p.chain[s]; c > 0; c = p.chains.get(c).parent()) {
      Program.Site site = p.sites.get(p.chains.get(c).site());
      calls.add(
          0,
          new Call(
              templates.path(site.file()),
              templates.line(site.file(), site.start()),
              templates.column(site.file(), site.start()),
              site.text()));
    }
    return Optional.of(
        new Origin(
            templates.path(fileIndex),
            templates.line(fileIndex, offset),
            templates.column(fileIndex, offset),
            action,
            List.copyOf(actions),
            List.copyOf(calls),
            true));
  }
}
