package io.chartlint.core.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code metav1.LabelSelector} as {@code LabelSelectorAsSelector} turns it into a selector: its
 * {@code matchLabels} and {@code matchExpressions} ANDed; no requirement selects everything. Where
 * the API has a nil selector select nothing (a topology spread constraint or pod affinity term
 * without {@code labelSelector}), callers hold {@link #NOTHING}.
 *
 * @param matchLabels each key must have exactly this value
 * @param matchExpressions {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}
 * @param nothing whether this is {@code labels.Nothing()}, the selector of a nil {@code
 *     labelSelector}, which matches no labels at all
 */
public record LabelSelector(
    Map<String, String> matchLabels, List<Requirement> matchExpressions, boolean nothing) {
  /** The selector of a nil {@code labelSelector}: {@code labels.Nothing()}. */
  public static final LabelSelector NOTHING = new LabelSelector(Map.of(), List.of(), true);

  /** The empty selector {@code {}}: {@code labels.Everything()}. */
  public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of(), false);

  public LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
    this(matchLabels, matchExpressions, false);
  }

  public LabelSelector {
    matchLabels = SimulatedNode.copy(matchLabels);
    matchExpressions = List.copyOf(matchExpressions);
  }

  /**
   * One {@code matchExpressions} entry.
   *
   * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}; any other
   *     makes the selector select nothing, as the scheduler's parse error does
   */
  public record Requirement(String key, String operator, List<String> values) {
    public Requirement {
      values = List.copyOf(values);
    }

    boolean matches(Map<String, String> labels) {
      // apimachinery/pkg/labels/selector.go: Requirement.Matches
      String value = labels.get(key);
      return switch (operator) {
        case "In" -> value != null && values.contains(value);
        case "NotIn" -> value == null || !values.contains(value);
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        default -> false;
      };
    }
  }

  public static LabelSelector of(Map<String, String> matchLabels) {
    return new LabelSelector(matchLabels, List.of());
  }

  /** A selector of one {@code Exists} expression, as the upstream tests' {@code Exists(key)}. */
  public static LabelSelector exists(String key) {
    return new LabelSelector(Map.of(), List.of(new Requirement(key, "Exists", List.of())));
  }

  /** Whether the labels satisfy every requirement; {@link #NOTHING} matches no labels. */
  public boolean matches(Map<String, String> labels) {
    if (nothing) {
      return false;
    }
    for (Map.Entry<String, String> entry : matchLabels.entrySet()) {
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        return false;
      }
    }
    for (Requirement requirement : matchExpressions) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /**
   * This selector with one more requirement (for {@code matchLabelKeys}); nothing stays nothing.
   */
  public LabelSelector and(Requirement requirement) {
    if (nothing) {
      return NOTHING;
    }
    List<Requirement> expressions = new ArrayList<>(matchExpressions);
    expressions.add(requirement);
    return new LabelSelector(matchLabels, expressions);
  }
}
