package io.chartlint.core.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The scheduler's InterPodAffinity filter ({@code
 * pkg/scheduler/framework/plugins/interpodaffinity/filtering.go}): required pod affinity and
 * anti-affinity of the incoming pod, and the required anti-affinity of the pods already running,
 * against a given set of pods on given nodes.
 */
public final class InterPodAffinity {
  private InterPodAffinity() {}

  /** Why a node fails the filter, or that it passes. */
  public enum Outcome {
    FITS(""),
    /** UnschedulableAndUnresolvable: no pod its affinity needs is in the node's domain. */
    AFFINITY("node(s) didn't match pod affinity rules"),
    /** Unschedulable: the incoming pod's anti-affinity selects a pod in the node's domain. */
    ANTI_AFFINITY("node(s) didn't match pod anti-affinity rules"),
    /** Unschedulable: a running pod's anti-affinity term selects the incoming pod. */
    EXISTING_ANTI_AFFINITY("node(s) didn't satisfy existing pods anti-affinity rules");

    private final String reason;

    Outcome(String reason) {
      this.reason = reason;
    }

    /** The scheduler's reason text ({@code ErrReason...}). */
    public String reason() {
      return reason;
    }
  }

  private record Pair(String key, String value) {}

  /**
   * What PreFilter works out once for the incoming pod: the topology pairs where running pods'
   * anti-affinity selects it, and where pods its own terms select run.
   */
  public static final class State {
    private final List<PodAffinityTerm.Resolved> affinity;
    private final List<PodAffinityTerm.Resolved> antiAffinity;
    private final Map<Pair, Integer> existingAntiAffinityCounts;
    private final Map<Pair, Integer> affinityCounts;
    private final Map<Pair, Integer> antiAffinityCounts;
    private final boolean matchesOwnAffinity;

    private State(
        List<PodAffinityTerm.Resolved> affinity,
        List<PodAffinityTerm.Resolved> antiAffinity,
        Map<Pair, Integer> existingAntiAffinityCounts,
        Map<Pair, Integer> affinityCounts,
        Map<Pair, Integer> antiAffinityCounts,
        boolean matchesOwnAffinity) {
      this.affinity = affinity;
      this.antiAffinity = antiAffinity;
      this.existingAntiAffinityCounts = existingAntiAffinityCounts;
      this.affinityCounts = affinityCounts;
      this.antiAffinityCounts = antiAffinityCounts;
      this.matchesOwnAffinity = matchesOwnAffinity;
    }

    /**
     * Filter: whether the incoming pod may run on the node, and if not, why; affinity is checked
     * first, then the pod's anti-affinity, then the running pods' ({@code Filter}).
     */
    public Outcome filter(SimulatedNode node) {
      if (!satisfiesAffinity(node.labels())) {
        return Outcome.AFFINITY;
      }
      // satisfyPodAntiAffinity: a node without the topology key is in no domain of the term
      for (PodAffinityTerm.Resolved term : antiAffinity) {
        String value = node.labels().get(term.topologyKey());
        if (value != null
            && antiAffinityCounts.getOrDefault(new Pair(term.topologyKey(), value), 0) > 0) {
          return Outcome.ANTI_AFFINITY;
        }
      }
      // satisfyExistingPodsAntiAffinity
      if (!existingAntiAffinityCounts.isEmpty()) {
        for (Map.Entry<String, String> label : node.labels().entrySet()) {
          Pair pair = new Pair(label.getKey(), label.getValue());
          if (existingAntiAffinityCounts.getOrDefault(pair, 0) > 0) {
            return Outcome.EXISTING_ANTI_AFFINITY;
          }
        }
      }
      return Outcome.FITS;
    }

    /** {@code satisfyPodAffinity}. */
    private boolean satisfiesAffinity(Map<String, String> labels) {
      boolean podsExist = true;
      for (PodAffinityTerm.Resolved term : affinity) {
        String value = labels.get(term.topologyKey());
        if (value == null) {
          return false; // "All topology labels must exist on the node."
        }
        if (affinityCounts.getOrDefault(new Pair(term.topologyKey(), value), 0) <= 0) {
          podsExist = false;
        }
      }
      // The first pod of a group that is affine to itself: no pod anywhere matches its terms, but
      // it matches them itself, so it may start the group on any node that has the keys.
      return podsExist || (affinityCounts.isEmpty() && matchesOwnAffinity);
    }
  }

  /**
   * PreFilter: counts, over the running pods, what the filter needs.
   *
   * @param existing the running pods; those whose node is not in {@code nodes} are not counted
   * @param nodes the cluster's nodes by name
   * @param namespaceLabels the labels of a namespace, by name
   */
  public static State preFilter(
      PodInfo pod,
      List<PodInfo> existing,
      Map<String, SimulatedNode> nodes,
      Function<String, Map<String, String>> namespaceLabels) {
    List<PodAffinityTerm.Resolved> affinity = resolve(pod.requiredAffinity(), pod);
    List<PodAffinityTerm.Resolved> antiAffinity = resolve(pod.requiredAntiAffinity(), pod);
    Map<String, String> ownNamespaceLabels = namespaceLabels.apply(pod.namespace());
    Map<Pair, Integer> existingAnti = new HashMap<>();
    Map<Pair, Integer> affinityCounts = new HashMap<>();
    Map<Pair, Integer> antiCounts = new HashMap<>();
    for (PodInfo running : existing) {
      SimulatedNode node = running.nodeName() == null ? null : nodes.get(running.nodeName());
      if (node == null) {
        continue;
      }
      // getExistingAntiAffinityCounts: updateWithAntiAffinityTerms of the running pod's terms
      for (PodAffinityTerm.Resolved term : resolve(running.requiredAntiAffinity(), running)) {
        if (term.matches(pod, ownNamespaceLabels)) {
          update(existingAnti, node, term.topologyKey());
        }
      }
      Map<String, String> runningNamespace = namespaceLabels.apply(running.namespace());
      // getIncomingAffinityAntiAffinityCounts: affinity counts only pods that match every term
      if (matchesAll(affinity, running, runningNamespace)) {
        for (PodAffinityTerm.Resolved term : affinity) {
          update(affinityCounts, node, term.topologyKey());
        }
      }
      for (PodAffinityTerm.Resolved term : antiAffinity) {
        if (term.matches(running, runningNamespace)) {
          update(antiCounts, node, term.topologyKey());
        }
      }
    }
    return new State(
        affinity,
        antiAffinity,
        existingAnti,
        affinityCounts,
        antiCounts,
        matchesAll(affinity, pod, ownNamespaceLabels));
  }

  private static List<PodAffinityTerm.Resolved> resolve(List<PodAffinityTerm> terms, PodInfo pod) {
    List<PodAffinityTerm.Resolved> resolved = new ArrayList<>(terms.size());
    for (PodAffinityTerm term : terms) {
      resolved.add(term.resolve(pod));
    }
    return resolved;
  }

  /** {@code podMatchesAllAffinityTerms}: false for no terms. */
  private static boolean matchesAll(
      List<PodAffinityTerm.Resolved> terms, PodInfo pod, Map<String, String> namespaceLabels) {
    if (terms.isEmpty()) {
      return false;
    }
    for (PodAffinityTerm.Resolved term : terms) {
      if (!term.matches(pod, namespaceLabels)) {
        return false;
      }
    }
    return true;
  }

  /** {@code topologyToMatchedTermCount.update}: only nodes that carry the key count. */
  private static void update(Map<Pair, Integer> counts, SimulatedNode node, String key) {
    String value = node.labels().get(key);
    if (value != null) {
      counts.merge(new Pair(key, value), 1, Integer::sum);
    }
  }
}
