package io.chartlint.core.scheduling;

import java.util.List;

/**
 * One {@code topologySpreadConstraints} entry as written in a pod spec.
 *
 * @param labelSelector {@link LabelSelector#NOTHING} when the constraint has none
 * @param doNotSchedule whether {@code whenUnsatisfiable} is {@code DoNotSchedule}, the only kind
 *     the scheduler's Filter enforces
 * @param minDomains {@code minDomains}, 1 when absent
 * @param honorNodeAffinity {@code nodeAffinityPolicy: Honor} (the default)
 * @param honorNodeTaints {@code nodeTaintsPolicy: Honor} (the default is Ignore)
 */
public record SpreadConstraint(
    int maxSkew,
    String topologyKey,
    boolean doNotSchedule,
    LabelSelector labelSelector,
    int minDomains,
    boolean honorNodeAffinity,
    boolean honorNodeTaints,
    List<String> matchLabelKeys) {

  public SpreadConstraint {
    labelSelector = labelSelector == null ? LabelSelector.NOTHING : labelSelector;
    matchLabelKeys = matchLabelKeys == null ? List.of() : List.copyOf(matchLabelKeys);
  }

  /** A DoNotSchedule constraint with every optional field at its default. */
  public static SpreadConstraint doNotSchedule(
      int maxSkew, String topologyKey, LabelSelector selector) {
    return new SpreadConstraint(maxSkew, topologyKey, true, selector, 1, true, false, List.of());
  }

  /**
   * The selector the scheduler counts pods with: {@code labelSelector} and, for each {@code
   * matchLabelKeys} key the pod carries, {@code key In (its value)} ({@code
   * buildDefaultConstraints}/{@code filterTopologySpreadConstraints} in {@code
   * podtopologyspread/common.go}).
   */
  public LabelSelector selectorFor(PodInfo pod) {
    LabelSelector selector = labelSelector;
    for (String key : matchLabelKeys) {
      String value = pod.labels().get(key);
      if (value != null) {
        selector = selector.and(new LabelSelector.Requirement(key, "In", List.of(value)));
      }
    }
    return selector;
  }
}
