package io.chartlint.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.path.NodePath;
import io.chartlint.core.model.Quantity;
import io.chartlint.core.model.QuantityFormatException;
import io.chartlint.core.model.YamlNodes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The JSON a schema sees of a YAML node, and the way back from a JSON location to the YAML node.
 *
 * <p>Scalars take their YAML 1.1 types, as Kubernetes' decoder reads them. Resource quantities
 * ({@code resources.limits}, {@code resources.requests}, {@code overhead}) are strings, as the API
 * serves them ({@code resource.Quantity} marshals to a JSON string, apimachinery
 * pkg/api/resource/quantity.go): a number written there becomes its canonical quantity string, so
 * {@code memory: 104857600} is {@code "100Mi"} and {@code cpu: 1.5} is {@code "1500m"}, and a
 * schema saying {@code type: string} accepts both forms, as it does in Polaris. A field whose value
 * is an explicit null ({@code ports:} with nothing after it) is absent, as it is to the API server.
 */
final class TargetJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> QUANTITY_MAPS = Set.of("limits", "requests");

  /** The conversions of the object this thread checks now: every policy checks it in a row. */
  private static final ThreadLocal<Recent> RECENT = new ThreadLocal<>();

  private record Recent(Node root, Map<Node, JsonNode> json) {}

  private TargetJson() {}

  /** The JSON of a node of an object, converted once for all policies that check it. */
  static JsonNode of(Node objectRoot, Node node) {
    Recent recent = RECENT.get();
    if (recent == null || recent.root() != objectRoot) {
      recent = new Recent(objectRoot, new IdentityHashMap<>());
      RECENT.set(recent);
    }
    return recent.json().computeIfAbsent(node, n -> convert(n, null, null));
  }

  static JsonNode convert(Node node, String key, String parentKey) {
    if (node instanceof MappingNode m) {
      ObjectNode object = JSON.objectNode();
      boolean quantities =
          "overhead".equals(key) || ("resources".equals(parentKey) && QUANTITY_MAPS.contains(key));
      for (NodeTuple tuple : m.getValue()) {
        String k = YamlNodes.text(tuple.getKeyNode());
        if (k == null) {
          continue;
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode n && n.getTag().equals(Tag.NULL)) {
          // Kubernetes decodes an explicit null as an absent field (encoding/json leaves the Go
          // field at its zero value, which omitempty then drops), and so does Polaris
          continue;
        }
        object.set(
            k,
            quantities && value instanceof ScalarNode s && isNumber(s)
                ? quantity(s)
                : convert(value, k, key));
      }
      return object;
    }
    if (node instanceof SequenceNode s) {
      ArrayNode array = JSON.arrayNode();
      for (Node item : s.getValue()) {
        array.add(convert(item, null, key));
      }
      return array;
    }
    if (node instanceof ScalarNode s) {
      return scalar(s);
    }
    return JSON.nullNode();
  }

  private static boolean isNumber(ScalarNode s) {
    return s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT);
  }

  private static JsonNode quantity(ScalarNode s) {
    try {
      return JSON.textNode(Quantity.ofYamlNumber(s.getValue()).canonical());
    } catch (QuantityFormatException e) {
      return JSON.textNode(s.getValue());
    }
  }

  private static JsonNode scalar(ScalarNode s) {
    Tag tag = s.getTag();
    String text = s.getValue();
    if (tag.equals(Tag.NULL)) {
      return JSON.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      return JSON.booleanNode(YamlNodes.isTrue(s));
    }
    if (tag.equals(Tag.INT)) {
      BigInteger value = integer(text.replace("_", ""));
      if (value != null) {
        return value.bitLength() < 64 ? JSON.numberNode(value.longValue()) : JSON.numberNode(value);
      }
    }
    if (tag.equals(Tag.FLOAT)) {
      try {
        return JSON.numberNode(new BigDecimal(text.replace("_", "")));
      } catch (NumberFormatException e) {
        return JSON.textNode(text); // .inf and .nan have no JSON form
      }
    }
    return JSON.textNode(text);
  }

  private static BigInteger integer(String text) {
    String t = text;
    boolean negative = t.startsWith("-");
    if (t.startsWith("-") || t.startsWith("+")) {
      t = t.substring(1);
    }
    try {
      BigInteger value;
      String lower = t.toLowerCase(Locale.ROOT);
      if (lower.startsWith("0x")) {
        value = new BigInteger(t.substring(2), 16);
      } else if (lower.startsWith("0b")) {
        value = new BigInteger(t.substring(2), 2);
      } else if (t.length() > 1 && t.startsWith("0")) {
        value = new BigInteger(t.substring(1), 8); // YAML 1.1 octal
      } else {
        value = new BigInteger(t);
      }
      return negative ? value.negate() : value;
    } catch (NumberFormatException e) {
      return null; // sexagesimal 1:30 and the like: left as text
    }
  }

  /** A node and the collection that holds it (null for the target itself). */
  record Located(Node parent, Node node) {}

  /**
   * The YAML node a validator's instance location names, below the target; the deepest node that
   * exists when the location goes further.
   */
  static Located locate(Node target, NodePath location) {
    Node parent = null;
    Node current = target;
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      Node next = null;
      if (element instanceof Integer index && current instanceof SequenceNode s) {
        next = index < s.getValue().size() ? s.getValue().get(index) : null;
      } else if (element != null) {
        next = YamlNodes.get(current, element.toString());
      }
      if (next == null) {
        break;
      }
      parent = current;
      current = next;
    }
    return new Located(parent, current);
  }

  /**
   * Where to report a node: the key of a mapping or sequence that is a field's value (the line of
   * {@code resources:}), else the node itself.
   */
  static Node anchor(Node parent, Node node) {
    if (node instanceof ScalarNode) {
      return node;
    }
    for (NodeTuple tuple : YamlNodes.entries(parent)) {
      if (tuple.getValueNode() == node) {
        return tuple.getKeyNode();
      }
    }
    return node;
  }
}
