package io.chartlint.core.fix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The changes of exact edits, made to plain data (values) instead of text. */
final class Affinity {
  private static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";

  private Affinity() {}

  /**
   * Adds requirements to every non-empty required node affinity term, creating the required
   * affinity with one term when there is none.
   *
   * @param value an affinity (level 0), a node affinity (1) or a required node selector (2); null
   *     or empty for none
   */
  static Object require(Object value, int level, List<Map<String, Object>> requirements) {
    Map<String, Object> copy = copyMap(value);
    if (level == 0) {
      copy.put("nodeAffinity", require(copy.get("nodeAffinity"), 1, requirements));
      return copy;
    }
    if (level == 1) {
      copy.put(REQUIRED, require(copy.get(REQUIRED), 2, requirements));
      return copy;
    }
    List<Object> terms = new ArrayList<>();
    if (copy.get("nodeSelectorTerms") instanceof List<?> list && !list.isEmpty()) {
      for (Object term : list) {
        Map<String, Object> t = copyMap(term);
        boolean empty = isEmptyList(t.get("matchExpressions")) && isEmptyList(t.get("matchFields"));
        if (!empty) {
          // an empty term matches no node; requirements would make it match some
          List<Object> expressions = new ArrayList<>();
          if (t.get("matchExpressions") instanceof List<?> old) {
            expressions.addAll(old);
          }
          expressions.addAll(requirements);
          t.put("matchExpressions", expressions);
        }
        terms.add(t);
      }
    } else {
      terms.add(new LinkedHashMap<>(Map.of("matchExpressions", new ArrayList<>(requirements))));
    }
    copy.put("nodeSelectorTerms", terms);
    return copy;
  }

  /** A copy of a map with one child set; anything else unchanged. */
  static Object setChild(Object value, String key, Object child) {
    if (value instanceof Map<?, ?>) {
      Map<String, Object> copy = copyMap(value);
      copy.put(key, child);
      return copy;
    }
    if (value instanceof List<?> list && key.startsWith("[")) {
      int i = Integer.parseInt(key.substring(1, key.length() - 1));
      List<Object> copy = new ArrayList<>(list);
      if (i < copy.size()) {
        copy.set(i, child);
      }
      return copy;
    }
    return value;
  }

  private static boolean isEmptyList(Object v) {
    return !(v instanceof List<?> l) || l.isEmpty();
  }

  private static Map<String, Object> copyMap(Object value) {
    Map<String, Object> copy = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    }
    return copy;
  }
}
