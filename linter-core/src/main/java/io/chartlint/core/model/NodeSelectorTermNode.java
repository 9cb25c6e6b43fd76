package io.chartlint.core.model;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** One node selector term as written: {@code matchExpressions} and {@code matchFields}. */
public record NodeSelectorTermNode(Node node, int index) {

  public List<Requirement> matchExpressions() {
    return requirements("matchExpressions");
  }

  public List<Requirement> matchFields() {
    return requirements("matchFields");
  }

  /** A term with neither expressions nor fields: it matches no node. */
  public boolean isEmpty() {
    return matchExpressions().isEmpty() && matchFields().isEmpty();
  }

  private List<Requirement> requirements(String field) {
    List<Requirement> list = new ArrayList<>();
    List<Node> items = YamlNodes.items(YamlNodes.get(node, field));
    for (int i = 0; i < items.size(); i++) {
      list.add(new Requirement(items.get(i), i));
    }
    return list;
  }

  /** One {@code key}/{@code operator}/{@code values} requirement as written. */
  public record Requirement(Node node, int index) {
    public String key() {
      String key = YamlNodes.text(YamlNodes.get(node, "key"));
      return key == null ? "" : key;
    }

    public String operator() {
      String op = YamlNodes.text(YamlNodes.get(node, "operator"));
      return op == null ? "" : op;
    }

    public List<String> values() {
      List<String> values = new ArrayList<>();
      for (Node value : YamlNodes.items(YamlNodes.get(node, "values"))) {
        String text = YamlNodes.text(value);
        values.add(text == null ? "" : text);
      }
      return values;
    }

    public Node valuesNode() {
      return YamlNodes.get(node, "values");
    }
  }
}
