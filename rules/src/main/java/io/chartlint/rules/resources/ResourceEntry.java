package io.chartlint.rules.resources;

import io.chartlint.core.model.Quantity;
import io.chartlint.core.model.YamlNodes;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One {@code name: quantity} entry of a resource list.
 *
 * @param name the resource name
 * @param node the value node
 * @param written the value as written (a YAML number's text, {@code null} for a null value)
 * @param quantity the parsed quantity, or null when Kubernetes would reject it
 * @param error Kubernetes' parse error, or null
 */
record ResourceEntry(String name, Node node, String written, Quantity quantity, String error) {

  static ResourceEntry of(String name, Node node) {
    if (YamlNodes.isNull(node)) {
      // Quantity.UnmarshalJSON turns a JSON null into a zero quantity.
      return new ResourceEntry(name, node, "null", Quantity.parse("0"), null);
    }
    if (!(node instanceof ScalarNode scalar)) {
      return new ResourceEntry(
          name, node, "", null, "must be a quantity (a string or a number), not a " + kindOf(node));
    }
    String written = scalar.getValue();
    String text = asQuantityText(scalar);
    try {
      return new ResourceEntry(name, node, written, Quantity.parse(text), null);
    } catch (IllegalArgumentException e) {
      return new ResourceEntry(name, node, written, null, e.getMessage());
    }
  }

  /**
   * The string Kubernetes parses. A YAML value reaches the API server as JSON (sigs.k8s.io/yaml):
   * YAML 1.1 integers lose their underscores and radix prefixes, and strings are trimmed by
   * Quantity.UnmarshalJSON (apimachinery/pkg/api/resource/quantity.go).
   */
  private static String asQuantityText(ScalarNode scalar) {
    String text = scalar.getValue();
    if (scalar.getTag().equals(Tag.INT)) {
      String digits = text.replace("_", "");
      String sign = "";
      if (digits.startsWith("-") || digits.startsWith("+")) {
        sign = digits.startsWith("-") ? "-" : "";
        digits = digits.substring(1);
      }
      try {
        if (digits.startsWith("0x")) {
          return sign + new BigInteger(digits.substring(2), 16);
        }
        if (digits.startsWith("0b")) {
          return sign + new BigInteger(digits.substring(2), 2);
        }
        if (digits.length() > 1
            && digits.startsWith("0")
            && digits.chars().allMatch(Character::isDigit)) {
          return sign + new BigInteger(digits.substring(1), 8);
        }
      } catch (NumberFormatException e) {
        return text;
      }
      return sign + digits;
    }
    if (scalar.getTag().equals(Tag.FLOAT)) {
      return text.replace("_", "");
    }
    return text.strip();
  }

  private static String kindOf(Node node) {
    return switch (node.getNodeId()) {
      case mapping -> "mapping";
      case sequence -> "list";
      default -> "value";
    };
  }

  boolean valid() {
    return quantity != null;
  }

  BigDecimal value() {
    return quantity.value();
  }

  boolean isZero() {
    return quantity != null && quantity.isZero();
  }

  /** The value as Kubernetes prints it in validation messages (Quantity.String()). */
  String canonical() {
    return quantity.canonical();
  }
}
