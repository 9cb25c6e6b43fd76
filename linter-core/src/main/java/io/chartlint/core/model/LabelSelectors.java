package io.chartlint.core.model;

import io.chartlint.core.scheduling.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Label selectors read from manifests: pod affinity terms, spread constraints, PDBs. */
public final class LabelSelectors {
  private LabelSelectors() {}

  /**
   * A {@code metav1.LabelSelector} as {@code LabelSelectorAsSelector} reads it; absent or null
   * selects nothing. An expression without key or operator, which the API server rejects, selects
   * nothing either (the validation rules report it).
   */
  public static LabelSelector of(Node selector) {
    if (selector == null || YamlNodes.isNull(selector)) {
      return LabelSelector.NOTHING;
    }
    List<LabelSelector.Requirement> expressions = new ArrayList<>();
    for (Node expression : YamlNodes.items(YamlNodes.get(selector, "matchExpressions"))) {
      String key = YamlNodes.text(YamlNodes.get(expression, "key"));
      String operator = YamlNodes.text(YamlNodes.get(expression, "operator"));
      expressions.add(
          new LabelSelector.Requirement(
              key == null ? "" : key,
              operator == null ? "" : operator,
              strings(YamlNodes.get(expression, "values"))));
    }
    return new LabelSelector(
        YamlNodes.stringMap(YamlNodes.get(selector, "matchLabels")), expressions);
  }

  /** The text of each scalar item of a list; other items and an absent list give nothing. */
  static List<String> strings(Node list) {
    List<String> values = new ArrayList<>();
    for (Node item : YamlNodes.items(list)) {
      String value = YamlNodes.text(item);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }
}
