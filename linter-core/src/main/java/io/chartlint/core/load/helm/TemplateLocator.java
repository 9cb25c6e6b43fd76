package io.chartlint.core.load.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a field of a rendered document is written in its chart template.
 *
 * <p>Templates are not YAML, so this reads them as lines: it picks the template's document of the
 * object's kind, then follows the field's keys down the indentation, skipping template actions
 * ({@code {{ if }}}, {@code {{ with }}}, {@code {{ range }}}, whose bodies hold literal keys).
 * Where a key is not written in the template, because a value, {@code include} or {@code toYaml |
 * nindent} produces it, the answer is the action that produces it, or else the deepest key that is
 * written. Where nothing matches, it is the start of the document in the template.
 *
 * <p>Thread-safe; each template is read once per locator.
 */
public final class TemplateLocator {
  private static final Pattern SEPARATOR = Pattern.compile("^---(\\s.*)?$");
  private static final Pattern KEY_LINE =
      Pattern.compile("^(\\s*)(?:(-)\\s+)?([\"']?)([^\\s\"'{#:][^\"'{#:]*?)\\3\\s*:(?:\\s|$)");
  private static final Pattern DASH_LINE = Pattern.compile("^(\\s*)-(?:\\s|$)");
  private static final Pattern PRODUCER =
      Pattern.compile("\\{\\{.*\\b(?:include|template|toYaml|toJson|tpl)\\b.*\\}\\}");

  private final Map<Path, List<String>> cache = new ConcurrentHashMap<>();

  /** The template file of a {@code # Source:} path, or null for a packaged chart or no file. */
  public static Path templateFile(Path chart, String sourcePath) {
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

  /**
   * The 1-based line in {@code template} of the field at {@code segments} (keys and {@code [i]}
   * parts, as {@link io.chartlint.core.model.YamlNodes#segmentsOf} gives them) of an object of
   * {@code kind}; the document's first line when no key of the field is written there.
   */
  public int lineOf(Path template, String kind, List<String> segments) {
    return lineOf(template, kind, 0, segments);
  }

  /**
   * Like {@link #lineOf(Path, String, List)} for the {@code ordinal}-th object of {@code kind}
   * (0-based) that the template rendered: a template that writes two Deployments maps the second
   * rendered one to the second it writes.
   */
  public int lineOf(Path template, String kind, int ordinal, List<String> segments) {
    List<String> lines = cache.computeIfAbsent(template, TemplateLocator::read);
    if (lines.isEmpty()) {
      return 1;
    }
    int[] range = document(lines, kind, ordinal);
    int start = range[0];
    int end = range[1];
    int best = firstContentLine(lines, start, end);
    int pos = start - 1;
    int indent = -1;
    boolean inItem = false;
    for (String segment : segments == null ? List.<String>of() : segments) {
      int blockEnd = blockEnd(lines, pos, indent, inItem, end);
      if (segment.startsWith("[") && segment.endsWith("]")) {
        int index = Integer.parseInt(segment.substring(1, segment.length() - 1));
        int item = item(lines, pos + 1, blockEnd, indent, index);
        if (item < 0) {
          return producerOr(lines, pos + 1, blockEnd, best);
        }
        pos = item;
        indent = column(lines.get(item), DASH_LINE);
        inItem = true;
        best = item + 1;
        continue;
      }
      int found = -1;
      for (int i = pos + 1; i < blockEnd; i++) {
        Matcher m = KEY_LINE.matcher(lines.get(i));
        if (m.find() && m.group(4).strip().equals(segment) && keyColumn(m) > indent) {
          found = i;
          indent = keyColumn(m);
          break;
        }
      }
      if (found < 0) {
        return producerOr(lines, pos + 1, blockEnd, best);
      }
      pos = found;
      inItem = false;
      best = found + 1;
    }
    return best;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  /**
   * [start, end) of the {@code ordinal}-th document (0-based) declaring {@code kind: <kind>}, or
   * the last one when the template writes fewer (a {@code range} renders one document many times),
   * else the whole file.
   */
  private static int[] document(List<String> lines, String kind, int ordinal) {
    Pattern kindLine =
        kind == null
            ? null
            : Pattern.compile("^kind:\\s*[\"']?" + Pattern.quote(kind) + "[\"']?\\s*(#.*)?$");
    int[] last = null;
    int seen = 0;
    int start = 0;
    for (int i = 0; i <= lines.size(); i++) {
      if (i == lines.size() || SEPARATOR.matcher(lines.get(i)).matches()) {
        if (kindLine != null) {
          for (int j = start; j < i; j++) {
            if (kindLine.matcher(lines.get(j)).matches()) {
              last = new int[] {start, i};
              if (seen++ == ordinal) {
                return last;
              }
              break;
            }
          }
        }
        start = i + 1;
      }
    }
    return last != null ? last : new int[] {0, lines.size()};
  }

  /** The first line (1-based) of the range that holds a YAML key, else its first line. */
  private static int firstContentLine(List<String> lines, int start, int end) {
    for (int i = start; i < end; i++) {
      if (KEY_LINE.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return Math.min(start, Math.max(0, lines.size() - 1)) + 1;
  }

  /** Where the block under the line {@code pos}, whose key or dash is at {@code indent}, ends. */
  private static int blockEnd(List<String> lines, int pos, int indent, boolean inItem, int end) {
    if (indent < 0) {
      return end;
    }
    for (int i = pos + 1; i < end; i++) {
      String line = lines.get(i);
      Matcher dash = DASH_LINE.matcher(line);
      if (dash.find()) {
        int col = dash.group(1).length();
        // a compact sequence may sit at its key's column; the next item ends an item
        if (col < indent || (inItem && col == indent)) {
          return i;
        }
        continue;
      }
      Matcher key = KEY_LINE.matcher(line);
      if (key.find() && keyColumn(key) <= indent) {
        return i;
      }
    }
    return end;
  }

  /** The line of the {@code index}-th item of the sequence in a block; the last when fewer. */
  private static int item(List<String> lines, int from, int to, int indent, int index) {
    int itemColumn = Integer.MAX_VALUE;
    for (int i = from; i < to; i++) {
      Matcher dash = DASH_LINE.matcher(lines.get(i));
      if (dash.find() && dash.group(1).length() >= indent) {
        itemColumn = Math.min(itemColumn, dash.group(1).length());
      }
    }
    int count = 0;
    int last = -1;
    for (int i = from; i < to; i++) {
      Matcher dash = DASH_LINE.matcher(lines.get(i));
      if (dash.find() && dash.group(1).length() == itemColumn) {
        if (count == index) {
          return i;
        }
        last = i;
        count++;
      }
    }
    return last;
  }

  /**
   * The line of the action that produces a block's content when the block writes no key of its own
   * (such as {@code {{- toYaml .Values.tolerations | nindent 8 }}}), else {@code fallback}.
   */
  private static int producerOr(List<String> lines, int from, int to, int fallback) {
    for (int i = from; i < to; i++) {
      if (KEY_LINE.matcher(lines.get(i)).find()) {
        return fallback;
      }
    }
    for (int i = from; i < to; i++) {
      if (PRODUCER.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return fallback;
  }

  private static int keyColumn(Matcher keyLine) {
    return keyLine.start(3);
  }

  private static int column(String line, Pattern pattern) {
    Matcher m = pattern.matcher(line);
    return m.find() ? m.group(1).length() : 0;
  }
}
