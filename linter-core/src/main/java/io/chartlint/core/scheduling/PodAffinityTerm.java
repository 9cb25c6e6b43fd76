package io.chartlint.core.scheduling;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One required pod (anti-)affinity term as written in a pod spec.
 *
 * @param labelSelector {@link LabelSelector#NOTHING} when the term has none
 * @param namespaces {@code namespaces}, empty when absent
 * @param namespaceSelector {@code namespaceSelector}, or null when absent
 * @param matchLabelKeys keys whose values the pod's own labels add to the selector with {@code In}
 * @param mismatchLabelKeys keys whose values the pod's own labels add with {@code NotIn}
 */
public record PodAffinityTerm(
    LabelSelector labelSelector,
    List<String> namespaces,
    LabelSelector namespaceSelector,
    String topologyKey,
    List<String> matchLabelKeys,
    List<String> mismatchLabelKeys) {

  public PodAffinityTerm {
    labelSelector = labelSelector == null ? LabelSelector.NOTHING : labelSelector;
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    matchLabelKeys = matchLabelKeys == null ? List.of() : List.copyOf(matchLabelKeys);
    mismatchLabelKeys = mismatchLabelKeys == null ? List.of() : List.copyOf(mismatchLabelKeys);
  }

  /** A term of a selector and a topology key only, the pod's own namespace implied. */
  public static PodAffinityTerm of(LabelSelector selector, String topologyKey) {
    return new PodAffinityTerm(selector, List.of(), null, topologyKey, List.of(), List.of());
  }

  /**
   * The term as the scheduler holds it for the pod that carries it ({@code framework.AffinityTerm}
   * from {@code newAffinityTerm}): no {@code namespaces} and no {@code namespaceSelector} mean the
   * pod's own namespace ({@code GetNamespacesFromPodAffinityTerm}), and the API server has merged
   * {@code matchLabelKeys}/{@code mismatchLabelKeys} into the selector with the pod's own label
   * values ({@code MatchLabelKeysInPodAffinity}; keys the pod lacks add nothing).
   */
  public Resolved resolve(PodInfo owner) {
    Set<String> names = new HashSet<>(namespaces);
    if (namespaces.isEmpty() && namespaceSelector == null) {
      names.add(owner.namespace());
    }
    LabelSelector selector = labelSelector;
    for (String key : matchLabelKeys) {
      String value = owner.labels().get(key);
      if (value != null) {
        selector = selector.and(new LabelSelector.Requirement(key, "In", List.of(value)));
      }
    }
    for (String key : mismatchLabelKeys) {
      String value = owner.labels().get(key);
      if (value != null) {
        selector = selector.and(new LabelSelector.Requirement(key, "NotIn", List.of(value)));
      }
    }
    return new Resolved(
        Set.copyOf(names),
        namespaceSelector == null ? LabelSelector.NOTHING : namespaceSelector,
        selector,
        topologyKey);
  }

  /**
   * A term resolved for the pod that carries it.
   *
   * @param namespaces the namespaces it names, or the owner's
   * @param namespaceSelector {@link LabelSelector#NOTHING} when absent
   */
  public record Resolved(
      Set<String> namespaces,
      LabelSelector namespaceSelector,
      LabelSelector selector,
      String topologyKey) {

    /**
     * Whether the term selects the pod: its namespace is named or selected, and its labels match
     * ({@code AffinityTerm.Matches} in {@code pkg/scheduler/framework/types.go}).
     *
     * @param namespaceLabels the labels of the pod's namespace
     */
    public boolean matches(PodInfo pod, Map<String, String> namespaceLabels) {
      if (namespaces.contains(pod.namespace()) || namespaceSelector.matches(namespaceLabels)) {
        return selector.matches(pod.labels());
      }
      return false;
    }
  }
}
