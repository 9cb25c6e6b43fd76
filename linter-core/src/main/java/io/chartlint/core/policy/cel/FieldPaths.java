package io.chartlint.core.policy.cel;

import io.chartlint.core.model.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A validation's {@code fieldPath} ({@code spec.replicas}, {@code .spec.containers[0].image},
 * {@code metadata.labels['app.kubernetes.io/name']}), as Kubernetes accepts it
 * (validatingadmissionpolicy validation: a JSONPath without wildcards), found in an object.
 */
public final class FieldPaths {
  private FieldPaths() {}

  /**
   * The node to report: the key of the field when it exists (its line), else the deepest field of
   * the path that exists; null when the path cannot be read.
   */
  public static Node find(Node root, String fieldPath) {
    List<Object> segments = segments(fieldPath);
    if (segments == null) {
      return null;
    }
    Node current = root;
    Node anchor = root;
    for (Object segment : segments) {
      Node next = null;
      Node key = null;
      if (segment instanceof Integer index) {
        List<Node> items = YamlNodes.items(current);
        next = index < items.size() ? items.get(index) : null;
      } else {
        for (NodeTuple t : YamlNodes.entries(current)) {
          if (segment.equals(YamlNodes.text(t.getKeyNode()))) {
            next = t.getValueNode();
            key = t.getKeyNode();
          }
        }
      }
      if (next == null) {
        break;
      }
      current = next;
      anchor = key != null && !(next instanceof ScalarNode) ? key : next;
    }
    return anchor;
  }

  /** The names and indexes of a path, or null when it is not one. */
  static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    String p = path.strip();
    int i = p.startsWith(".") ? 1 : 0;
    StringBuilder name = new StringBuilder();
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        if (name.length() > 0) {
          out.add(name.toString());
          name.setLength(0);
        }
        i++;
      } else if (c == '[') {
        if (name.length() > 0) {
          out.add(name.toString());
          name.setLength(0);
        }
        int close = p.indexOf(']', i);
        if (close < 0) {
          return null;
        }
        String inside = p.substring(i + 1, close).strip();
        if (inside.matches("[0-9]+")) {
          out.add(Integer.parseInt(inside));
        } else if (inside.length() >= 2
            && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\""))) {
          out.add(inside.substring(1, inside.length() - 1));
        } else {
          return null;
        }
        i = close + 1;
      } else {
        name.append(c);
        i++;
      }
    }
    if (name.length() > 0) {
      out.add(name.toString());
    }
    return out;
  }
}
