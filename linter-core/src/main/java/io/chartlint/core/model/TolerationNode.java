package io.chartlint.core.model;

import org.yaml.snakeyaml.nodes.Node;

/**
 * One toleration as written. Fields that are absent read as the empty string, which is what the API
 * server sees for an omitted string field.
 */
public record TolerationNode(Node node, int index) {

  public String key() {
    return string("key");
  }

  /** The operator as written; empty means {@code Equal} (core/v1 toleration.go). */
  public String operator() {
    return string("operator");
  }

  public String value() {
    return string("value");
  }

  public String effect() {
    return string("effect");
  }

  /** {@code tolerationSeconds} as written, or null when not set. */
  public Long tolerationSeconds() {
    String text = YamlNodes.text(field("tolerationSeconds"));
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The node of a field, or the toleration itself when the field is absent. */
  public Node fieldOrSelf(String name) {
    Node field = field(name);
    return field == null ? node : field;
  }

  public Node field(String name) {
    return YamlNodes.get(node, name);
  }

  private String string(String name) {
    String text = YamlNodes.text(field(name));
    return text == null ? "" : text;
  }
}
