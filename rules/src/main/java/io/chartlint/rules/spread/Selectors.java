package io.chartlint.rules.spread;

import io.chartlint.core.model.LabelSelectors;
import io.chartlint.core.model.LabelSyntax;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.scheduling.LabelSelector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Label selectors ({@code metav1.LabelSelector}) of pod affinity, topology spread and disruption
 * budgets.
 */
public final class Selectors {
  private Selectors() {}

  /** One API validation error: the offending node and the message. */
  record Problem(Node node, String message) {}

  /**
   * {@code ValidateLabelSelector} ({@code apimachinery/pkg/apis/meta/v1/validation}): label keys
   * and values in {@code matchLabels}, and each expression's operator and value count.
   */
  static List<Problem> validate(Node selector, String path) {
    List<Problem> problems = new ArrayList<>();
    if (selector == null || YamlNodes.isNull(selector)) {
      return problems;
    }
    for (NodeTuple entry : YamlNodes.entries(YamlNodes.get(selector, "matchLabels"))) {
      String key = YamlNodes.text(entry.getKeyNode());
      String value = YamlNodes.text(entry.getValueNode());
      String at = path + ".matchLabels";
      for (String error : LabelSyntax.qualifiedNameErrors(key == null ? "" : key)) {
        problems.add(
            new Problem(entry.getKeyNode(), at + ": Invalid value: \"" + key + "\": " + error));
      }
      for (String error : LabelSyntax.labelValueErrors(value == null ? "" : value)) {
        problems.add(
            new Problem(entry.getValueNode(), at + ": Invalid value: \"" + value + "\": " + error));
      }
    }
    List<Node> expressions = YamlNodes.items(YamlNodes.get(selector, "matchExpressions"));
    for (int i = 0; i < expressions.size(); i++) {
      Node expression = expressions.get(i);
      String at = path + ".matchExpressions[" + i + "]";
      String key = YamlNodes.text(YamlNodes.get(expression, "key"));
      String operator = YamlNodes.text(YamlNodes.get(expression, "operator"));
      int values = YamlNodes.items(YamlNodes.get(expression, "values")).size();
      for (String error : LabelSyntax.qualifiedNameErrors(key == null ? "" : key)) {
        problems.add(
            new Problem(expression, at + ".key: Invalid value: \"" + key + "\": " + error));
      }
      if ("In".equals(operator) || "NotIn".equals(operator)) {
        if (values == 0) {
          problems.add(
              new Problem(
                  expression,
                  at
                      + ".values: Required value: must be specified when `operator` is 'In' or"
                      + " 'NotIn'"));
        }
      } else if ("Exists".equals(operator) || "DoesNotExist".equals(operator)) {
        if (values > 0) {
          problems.add(
              new Problem(
                  expression,
                  at
                      + ".values: Forbidden: may not be specified when `operator` is 'Exists' or"
                      + " 'DoesNotExist'"));
        }
      } else {
        problems.add(
            new Problem(
                expression,
                at
                    + ".operator: Invalid value: \""
                    + operator
                    + "\": not a valid selector operator"));
      }
    }
    return problems;
  }

  /**
   * The {@code topologyKey} of a pod affinity term or a spread constraint, which the API server
   * requires to be a non-empty qualified name ({@code validatePodAffinityTerm}, {@code
   * validateTopologySpreadConstraints}); its problems are added to {@code problems}.
   *
   * @return the key as written, or null
   */
  static String topologyKey(Node owner, String at, List<Problem> problems) {
    Node keyNode = YamlNodes.get(owner, "topologyKey");
    String key = YamlNodes.text(keyNode);
    if (key == null || key.isEmpty()) {
      problems.add(
          new Problem(
              keyNode != null ? keyNode : owner,
              at + ".topologyKey: Required value: can not be empty"));
    } else {
      for (String error : LabelSyntax.qualifiedNameErrors(key)) {
        problems.add(
            new Problem(keyNode, at + ".topologyKey: Invalid value: \"" + key + "\": " + error));
      }
    }
    return key;
  }

  /**
   * One key of {@code matchLabelKeys} or {@code mismatchLabelKeys}: a qualified name that the
   * {@code labelSelector} does not name already ({@code
   * validateMatchLabelKeysAndMismatchLabelKeys}, {@code validateMatchLabelKeysInTopologySpread});
   * its problems are added to {@code problems}.
   *
   * @return the key as written, or null
   */
  static String labelKey(
      Node keyNode, String keyAt, String field, Set<String> selectorKeys, List<Problem> problems) {
    String labelKey = YamlNodes.text(keyNode);
    for (String error : LabelSyntax.qualifiedNameErrors(labelKey == null ? "" : labelKey)) {
      problems.add(new Problem(keyNode, keyAt + ": Invalid value: \"" + labelKey + "\": " + error));
    }
    if (selectorKeys.contains(labelKey)) {
      problems.add(
          new Problem(
              keyNode,
              keyAt
                  + ": Invalid value: \""
                  + labelKey
                  + "\": exists in both "
                  + field
                  + " and labelSelector"));
    }
    return labelKey;
  }

  /**
   * The selector as the matcher sees it; null for an absent one, which selects no pods, and for one
   * with an expression the API server rejects (no key or operator), which is not judged here.
   */
  public static LabelSelector parse(Node node) {
    LabelSelector selector = LabelSelectors.of(node);
    if (selector.nothing()
        || selector.matchExpressions().stream()
            .anyMatch(x -> x.key().isEmpty() || x.operator().isEmpty())) {
      return null;
    }
    return selector;
  }

  /** The keys a selector names, in {@code matchLabels} and {@code matchExpressions}. */
  static Set<String> keys(Node node) {
    Set<String> keys =
        new LinkedHashSet<>(YamlNodes.stringMap(YamlNodes.get(node, "matchLabels")).keySet());
    for (Node expression : YamlNodes.items(YamlNodes.get(node, "matchExpressions"))) {
      String key = YamlNodes.text(YamlNodes.get(expression, "key"));
      if (key != null) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** The strings of a list node, in order, with the node of each. */
  static List<Node> items(Node list) {
    return YamlNodes.items(list);
  }
}
