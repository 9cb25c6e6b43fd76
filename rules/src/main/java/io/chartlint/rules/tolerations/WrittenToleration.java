package io.chartlint.rules.tolerations;

import org.yaml.snakeyaml.nodes.Node;

/**
 * One toleration as the API server decodes it: absent strings are empty, and {@code secondsSet}
 * says whether {@code tolerationSeconds} is present (it is a pointer in core/v1 types.go).
 *
 * @param path the field path of the toleration, as the API server prints it
 * @param node where findings about the whole toleration go
 * @param fields where findings about one field go, by field name; absent fields fall back to node
 */
record WrittenToleration(
    int index,
    String path,
    String key,
    String operator,
    String value,
    String effect,
    boolean secondsSet,
    Long seconds,
    Node node,
    java.util.function.Function<String, Node> fields) {

  Node at(String field) {
    Node found = fields.apply(field);
    return found == null ? node : found;
  }

  /** {@code {key: k, operator: Exists, effect: NoSchedule}}, as written, for messages. */
  String describe() {
    StringBuilder s = new StringBuilder("{");
    append(s, "key", key);
    append(s, "operator", operator);
    append(s, "value", value);
    append(s, "effect", effect);
    if (secondsSet) {
      append(s, "tolerationSeconds", seconds == null ? "?" : seconds.toString());
    }
    return s.append('}').toString();
  }

  private static void append(StringBuilder s, String name, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (s.length() > 1) {
      s.append(", ");
    }
    s.append(name).append(": ").append(text);
  }
}
