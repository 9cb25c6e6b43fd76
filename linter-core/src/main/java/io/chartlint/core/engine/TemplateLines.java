package io.chartlint.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds the line of a rendered field in its chart template: the deepest key of the field's path
 * that is written literally in the template, searched in nesting order. Keys that come from values
 * ({@code {{ toYaml .Values.tolerations | nindent 8 }}}) fall back to the nearest ancestor written
 * in the template.
 */
final class TemplateLines {
  private static final Map<Path, List<String>> CACHE = new ConcurrentHashMap<>();

  private TemplateLines() {}

  /** The 1-based line, or 1 when no key of the path is in the template. */
  static int lineOf(Path template, String fieldPath) {
    List<String> lines =
        CACHE.computeIfAbsent(
            template,
            file -> {
              try {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
              } catch (IOException | java.io.UncheckedIOException e) {
                return List.of();
              }
            });
    if (fieldPath == null || fieldPath.isEmpty()) {
      return 1;
    }
    List<String> keys = new ArrayList<>();
    for (String part : fieldPath.split("\\.")) {
      String key = part.replaceAll("\\[\\d+\\]", "");
      if (!key.isEmpty()) {
        keys.add(key);
      }
    }
    int best = 0;
    int from = 0;
    for (String key : keys) {
      Pattern pattern = Pattern.compile("^\\s*(?:-\\s+)?\"?" + Pattern.quote(key) + "\"?\\s*:");
      int found = -1;
      for (int i = from; i < lines.size(); i++) {
        if (pattern.matcher(lines.get(i)).find()) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        break;
      }
      best = found + 1;
      from = found + 1;
    }
    return best == 0 ? 1 : best;
  }
}
