package io.chartlint.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small, null-tolerant navigation over SnakeYAML node trees. */
public final class YamlNodes {
  private YamlNodes() {}

  /** The value under {@code key} in a mapping, or null when absent or not a mapping. */
  public static Node get(Node mapping, String key) {
    if (!(mapping instanceof MappingNode m)) {
      return null;
    }
    Node found = null;
    for (NodeTuple tuple : m.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        found = tuple.getValueNode(); // the last one wins, as in Kubernetes' decoder
      }
    }
    return found;
  }

  /** The key node of {@code key} in a mapping, or null. */
  public static Node keyNode(Node mapping, String key) {
    if (!(mapping instanceof MappingNode m)) {
      return null;
    }
    Node found = null;
    for (NodeTuple tuple : m.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        found = k;
      }
    }
    return found;
  }

  /** Follows a dotted path of mapping keys. */
  public static Node at(Node node, String dottedPath) {
    Node current = node;
    for (String part : dottedPath.split("\\.")) {
      current = get(current, part);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /** The text of a scalar, or null for anything else (null scalars included). */
  public static String text(Node node) {
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return s.getValue();
    }
    return null;
  }

  /**
   * The JSON type a plain scalar becomes when Helm or kubectl convert the YAML to JSON ({@code
   * bool} for {@code true}, {@code number} for {@code 8} or {@code 1.5}), or null when it becomes a
   * string or is not a scalar. The API server's decoder rejects a bool or number in a string field
   * ("json: cannot unmarshal bool into Go struct field ... of type string"): the value has to be
   * quoted.
   */
  public static String nonStringJsonType(Node node) {
    if (node instanceof ScalarNode s) {
      if (s.getTag().equals(Tag.BOOL)) {
        return "bool";
      }
      // Kubernetes' YAML reader (sigs.k8s.io/yaml, a fork of go-yaml v2) also reads a plain y, Y,
      // n or N as a bool, where SnakeYAML's YAML 1.1 resolver keeps them strings.
      if (s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
          && s.getTag().equals(Tag.STR)
          && List.of("y", "Y", "n", "N").contains(s.getValue())) {
        return "bool";
      }
      if (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) {
        return "number";
      }
    }
    return null;
  }

  /** Whether the node is a YAML null, written or implicit. */
  public static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
  }

  /** Whether a scalar is the boolean true (YAML 1.1: {@code true}, {@code yes}, {@code on}...). */
  public static boolean isTrue(Node node) {
    return node instanceof ScalarNode s
        && s.getTag().equals(Tag.BOOL)
        && List.of("true", "yes", "on", "y")
            .contains(s.getValue().toLowerCase(java.util.Locale.ROOT));
  }

  /** The items of a sequence, or an empty list. */
  public static List<Node> items(Node node) {
    if (node instanceof SequenceNode s) {
      return Collections.unmodifiableList(s.getValue());
    }
    return List.of();
  }

  /** The entries of a mapping, or an empty list. */
  public static List<NodeTuple> entries(Node node) {
    if (node instanceof MappingNode m) {
      return Collections.unmodifiableList(m.getValue());
    }
    return List.of();
  }

  /** A mapping of scalars as strings; non-scalar values are skipped. */
  public static Map<String, String> stringMap(Node node) {
    Map<String, String> map = new LinkedHashMap<>();
    for (NodeTuple tuple : entries(node)) {
      String key = text(tuple.getKeyNode());
      if (key != null) {
        String value = text(tuple.getValueNode());
        map.put(key, value == null ? "" : value);
      }
    }
    return map;
  }

  /**
   * The path of {@code target} below {@code root}, as Kubernetes prints field paths: {@code
   * spec.template.spec.tolerations[0].key}. Empty when target is root, null when not found.
   */
  public static String pathOf(Node root, Node target) {
    return pathOf(segmentsOf(root, target));
  }

  /**
   * Like {@link #pathOf(List)}, but a list item that is a mapping with a scalar {@code name} is
   * written {@code [name=agent]} instead of {@code [0]}: containers, volumes, env and ports keep
   * their identity when another item is inserted before them.
   *
   * @param segments the segments of a node below {@code root}, as {@link #segmentsOf} found them
   */
  public static String identityPathOf(Node root, List<String> segments) {
    if (segments == null) {
      return null;
    }
    List<String> named = new ArrayList<>(segments.size());
    Node node = root;
    for (String part : segments) {
      if (part.startsWith("[") && node instanceof SequenceNode s) {
        node = s.getValue().get(Integer.parseInt(part.substring(1, part.length() - 1)));
        String name = text(get(node, "name"));
        named.add(name != null ? "[name=" + name + "]" : part);
      } else {
        node = get(node, part);
        named.add(part);
      }
    }
    return pathOf(named);
  }

  /** Segments joined as Kubernetes prints field paths; null for null. */
  public static String pathOf(List<String> parts) {
    if (parts != null) {
      StringBuilder path = new StringBuilder();
      for (String part : parts) {
        if (!part.startsWith("[") && path.length() > 0) {
          path.append('.');
        }
        path.append(part);
      }
      return path.toString();
    }
    return null;
  }

  /** A scalar's text as an {@code int}; null when absent, null or not a plain integer. */
  public static Integer integer(Node node) {
    String text = text(node);
    if (text == null) {
      return null;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The keys and {@code [index]} parts leading from {@code root} to {@code target}, keys as they
   * are (a key may hold dots); empty when target is root, null when not found.
   */
  public static List<String> segmentsOf(Node root, Node target) {
    List<String> parts = new ArrayList<>();
    if (findByPosition(root, target, parts)) {
      return parts;
    }
    parts.clear();
    return find(root, target, parts, new IdentityHashMap<>()) ? parts : null;
  }

  /**
   * Finds the target by where it is written: in a tree composed from text, a node lies inside the
   * text of each collection above it, so at each level only the child whose text holds the target's
   * first character is followed. False when that path does not end at the target (a node reached
   * through an alias or a merge key lies elsewhere, or a node has no position); then the whole tree
   * is searched.
   */
  private static boolean findByPosition(Node root, Node target, List<String> parts) {
    if (target == null || target.getStartMark() == null) {
      return false;
    }
    int at = target.getStartMark().getIndex();
    Node node = root;
    while (node != target) {
      Node next = null;
      if (node instanceof MappingNode m) {
        for (NodeTuple tuple : m.getValue()) {
          Node key = tuple.getKeyNode();
          String name = key instanceof ScalarNode k ? k.getValue() : "?";
          if (key == target) {
            parts.add(name);
            return true;
          }
          if (holds(tuple.getValueNode(), at)) {
            parts.add(name);
            next = tuple.getValueNode();
            break;
          }
        }
      } else if (node instanceof SequenceNode s) {
        List<Node> items = s.getValue();
        for (int i = 0; i < items.size(); i++) {
          if (holds(items.get(i), at)) {
            parts.add("[" + i + "]");
            next = items.get(i);
            break;
          }
        }
      }
      if (next == null) {
        return false;
      }
      node = next;
    }
    return true;
  }

  /** Whether the text of the node starts at or holds the character at this index. */
  private static boolean holds(Node node, int at) {
    if (node == null || node.getStartMark() == null || node.getEndMark() == null) {
      return false;
    }
    int start = node.getStartMark().getIndex();
    return start == at || (start < at && at < node.getEndMark().getIndex());
  }

  private static boolean find(Node node, Node target, List<String> parts, Map<Node, Node> visited) {
    if (node == target) {
      return true;
    }
    if (node == null || visited.put(node, node) != null) {
      return false;
    }
    if (node instanceof MappingNode m) {
      for (NodeTuple tuple : m.getValue()) {
        String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
        if (tuple.getKeyNode() == target) {
          parts.add(key);
          return true;
        }
        parts.add(key);
        if (find(tuple.getValueNode(), target, parts, visited)) {
          return true;
        }
        parts.remove(parts.size() - 1);
      }
    } else if (node instanceof SequenceNode s) {
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        parts.add("[" + i + "]");
        if (find(items.get(i), target, parts, visited)) {
          return true;
        }
        parts.remove(parts.size() - 1);
      }
    }
    return false;
  }
}
