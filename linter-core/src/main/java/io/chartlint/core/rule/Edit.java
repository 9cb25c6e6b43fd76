package io.chartlint.core.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A change that fixes a finding exactly, which {@code chartlint fix} can apply to the text of a
 * manifest. Only changes whose right value is certain are edits: never a guessed request size.
 *
 * @param kind what to do
 * @param target the keys and {@code [index]} parts leading from the object's root to the node to
 *     change, as {@link io.chartlint.core.model.YamlNodes#segmentsOf} gives them (a key may hold
 *     dots)
 * @param value for {@link Kind#QUOTE}, the string to write; for {@link Kind#REQUIRE_NODE_AFFINITY},
 *     the node selector requirements, each a map of {@code key}, {@code operator} and, where the
 *     operator takes them, {@code values}; null otherwise
 */
public record Edit(Kind kind, List<String> target, Object value) {

  /** The edits there are. */
  public enum Kind {
    /** Writes a scalar as a quoted string, so YAML reads the same text as a string. */
    QUOTE,
    /** Removes an item from a list. */
    REMOVE_ITEM,
    /**
     * Adds node selector requirements to every required node affinity term of a pod spec, creating
     * the required affinity with one term when there is none.
     */
    REQUIRE_NODE_AFFINITY
  }

  public Edit {
    target = List.copyOf(target);
    value = immutable(value);
  }

  /** What a rule hands over: the edit with its target as a node of the object being checked. */
  public record Draft(Kind kind, Node target, Object value) {}

  /**
   * Quotes a scalar: YAML read it as a bool or number where a string belongs. Null, for no edit,
   * when the node is not a scalar: a mapping or list has no text that quoting would keep.
   */
  public static Draft quote(Node scalar, String text) {
    return scalar instanceof ScalarNode && text != null
        ? new Draft(Kind.QUOTE, scalar, text)
        : null;
  }

  /** Removes a list item. */
  public static Draft removeItem(Node item) {
    return new Draft(Kind.REMOVE_ITEM, item, null);
  }

  /**
   * Requires node selector requirements in every required node affinity term of a pod spec.
   *
   * @param podSpec the pod spec mapping
   * @param requirements each a map of {@code key}, {@code operator} and optionally {@code values}
   */
  public static Draft requireNodeAffinity(Node podSpec, List<Map<String, Object>> requirements) {
    return new Draft(Kind.REQUIRE_NODE_AFFINITY, podSpec, requirements);
  }

  /** The requirements of a {@link Kind#REQUIRE_NODE_AFFINITY} edit. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> requirements() {
    return kind == Kind.REQUIRE_NODE_AFFINITY ? (List<Map<String, Object>>) value : List.of();
  }

  private static Object immutable(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, immutable(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(immutable(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
