package io.chartlint.core.load.helm;

import io.chartlint.core.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads Helm's {@code --set key=value,key2=value2} syntax. */
public final class SetValues {
  private SetValues() {}

  /** One {@code key=value}; the key keeps Helm's syntax ({@code a.b[0].c}). */
  public record Assignment(String key, String value) {}

  /**
   * Splits one option value at its unescaped commas ({@code \,} is a literal comma), outside {@code
   * {...}} lists.
   */
  public static List<Assignment> parse(String option, String entry) {
    List<Assignment> assignments = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < entry.length(); i++) {
      char c = entry.charAt(i);
      if (c == '\\' && i + 1 < entry.length()) {
        char next = entry.charAt(++i);
        if (next != ',') {
          part.append('\\');
        }
        part.append(next);
      } else if (c == '{') {
        depth++;
        part.append(c);
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
        part.append(c);
      } else if (c == ',' && depth == 0) {
        assignments.add(assignment(option, part.toString(), entry));
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    assignments.add(assignment(option, part.toString(), entry));
    return assignments;
  }

  private static Assignment assignment(String option, String part, String entry) {
    int eq = part.indexOf('=');
    if (eq <= 0) {
      throw new UsageException(option + " " + entry + ": expected KEY=VALUE");
    }
    return new Assignment(part.substring(0, eq), part.substring(eq + 1));
  }

  /**
   * Sets a value at a path of keys in nested maps, making maps where the path has none or has
   * something else, as Helm's {@code --set} does for a key path.
   */
  @SuppressWarnings("unchecked")
  public static void put(Map<String, Object> root, List<String> path, Object value) {
    Map<String, Object> map = root;
    for (int i = 0; i < path.size() - 1; i++) {
      Object child = map.get(path.get(i));
      if (!(child instanceof Map)) {
        child = new LinkedHashMap<String, Object>();
        map.put(path.get(i), child);
      }
      map = (Map<String, Object>) child;
    }
    map.put(path.get(path.size() - 1), value);
  }

  /** {@code --set-string} entries as a values file whose every value is a string. */
  public static String stringsAsYaml(List<String> entries) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (String entry : entries) {
      for (Assignment a : parse("--set-string", entry)) {
        if (a.key().contains("[")) {
          throw new UsageException(
              "--set-string "
                  + a.key()
                  + ": the embedded Helm library cannot set a list element as a string; use a"
                  + " values file or --helm-binary PATH");
        }
        put(root, keyPath(a.key()), a.value());
      }
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(root);
  }

  /** {@code a.b\.c} is {@code [a, b.c]}. */
  static List<String> keyPath(String key) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\\' && i + 1 < key.length() && key.charAt(i + 1) == '.') {
        part.append('.');
        i++;
      } else if (c == '.') {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }
}
