package io.chartlint.core.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's PodTopologySpread filter ({@code
 * pkg/scheduler/framework/plugins/podtopologyspread/filtering.go}) for the {@code DoNotSchedule}
 * constraints of the incoming pod, against a given set of pods on given nodes, with the node
 * inclusion policies on (GA, locked since 1.33).
 */
public final class PodTopologySpread {
  private PodTopologySpread() {}

  /** Why a node fails the filter, or that it passes. */
  public enum Outcome {
    FITS(""),
    /** UnschedulableAndUnresolvable: the node lacks a constraint's topology key. */
    NODE_LABEL_MISSING(
        "node(s) didn't match pod topology spread constraints (missing required label)"),
    /** Unschedulable: placing the pod there would exceed a constraint's maxSkew. */
    SKEW("node(s) didn't match pod topology spread constraints");

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

  private record Constraint(SpreadConstraint spec, LabelSelector selector, boolean selfMatch) {}

  /** What PreFilter works out once: matching pods per topology domain. */
  public static final class State {
    private final List<Constraint> constraints;
    private final Map<Pair, Integer> matchNum;
    private final Map<String, Integer> domains;
    private final Map<String, Integer> minMatch;

    private State(
        List<Constraint> constraints,
        Map<Pair, Integer> matchNum,
        Map<String, Integer> domains,
        Map<String, Integer> minMatch) {
      this.constraints = constraints;
      this.matchNum = matchNum;
      this.domains = domains;
      this.minMatch = minMatch;
    }

    /** Filter: whether the incoming pod may run on the node, and if not, why. */
    public Outcome filter(SimulatedNode node) {
      for (Constraint constraint : constraints) {
        String key = constraint.spec().topologyKey();
        String value = node.labels().get(key);
        if (value == null) {
          return Outcome.NODE_LABEL_MISSING;
        }
        Integer domainCount = domains.get(key);
        if (domainCount == null) {
          // minMatchNum finds no domain for the key: "internal error", UnschedulableAndUnresolvable
          return Outcome.NODE_LABEL_MISSING;
        }
        int min = domainCount < constraint.spec().minDomains() ? 0 : minMatch.get(key);
        int skew =
            matchNum.getOrDefault(new Pair(key, value), 0) + (constraint.selfMatch() ? 1 : 0) - min;
        if (skew > constraint.spec().maxSkew()) {
          return Outcome.SKEW;
        }
      }
      return Outcome.FITS;
    }
  }

  /**
   * PreFilter ({@code calculatePreFilterState}).
   *
   * @param nodes every node of the cluster, in any order
   * @param existing the running pods; those on nodes not given are not counted
   */
  public static State preFilter(PodInfo pod, List<SimulatedNode> nodes, List<PodInfo> existing) {
    return prepare(pod, nodes).preFilter(existing);
  }

  /**
   * What PreFilter decides from the pod and the nodes alone, for pods placed one after another:
   * which nodes count towards each constraint.
   */
  public static Prepared prepare(PodInfo pod, List<SimulatedNode> nodes) {
    List<Constraint> constraints = new ArrayList<>();
    for (SpreadConstraint spec : pod.spreadConstraints()) {
      if (spec.doNotSchedule()) {
        LabelSelector selector = spec.selectorFor(pod);
        constraints.add(new Constraint(spec, selector, selector.matches(pod.labels())));
      }
    }
    List<Toleration> tolerations =
        Scheduling.effectiveTolerations(pod.placement()).stream()
            .map(AppliedToleration::toleration)
            .toList();
    // counted.get(i): the nodes that count towards constraint i
    List<List<SimulatedNode>> counted = new ArrayList<>();
    for (int i = 0; i < constraints.size(); i++) {
      counted.add(new ArrayList<>());
    }
    for (SimulatedNode node : nodes) {
      // nodeLabelsMatchSpreadConstraints: a node must carry every constraint's key to count
      boolean allKeys =
          constraints.stream().allMatch(c -> node.labels().containsKey(c.spec().topologyKey()));
      if (!allKeys) {
        continue;
      }
      Boolean affinityMatches = null;
      for (int i = 0; i < constraints.size(); i++) {
        SpreadConstraint spec = constraints.get(i).spec();
        // matchNodeInclusionPolicies
        if (spec.honorNodeAffinity()) {
          if (affinityMatches == null) {
            affinityMatches = Scheduling.fit(pod.placement(), node).labelsMatch();
          }
          if (!affinityMatches) {
            continue;
          }
        }
        if (spec.honorNodeTaints()
            && Scheduling.findMatchingUntoleratedTaint(
                    node.taints(), tolerations, Taint::keepsPodsOff, false)
                .isPresent()) {
          continue;
        }
        counted.get(i).add(node);
      }
    }
    return new Prepared(pod.namespace(), constraints, counted);
  }

  /** The constraints of one pod and the nodes that count towards each. */
  public static final class Prepared {
    private final String namespace;
    private final List<Constraint> constraints;
    private final List<List<SimulatedNode>> counted;

    private Prepared(
        String namespace, List<Constraint> constraints, List<List<SimulatedNode>> counted) {
      this.namespace = namespace;
      this.constraints = constraints;
      this.counted = counted;
    }

    /** Whether the pod has a constraint the filter enforces. */
    public boolean constrains() {
      return !constraints.isEmpty();
    }

    /** PreFilter with these pods running. */
    public State preFilter(List<PodInfo> existing) {
      Map<String, List<PodInfo>> podsByNode = new HashMap<>();
      for (PodInfo running : existing) {
        if (running.nodeName() != null) {
          podsByNode.computeIfAbsent(running.nodeName(), k -> new ArrayList<>()).add(running);
        }
      }
      Map<Pair, Integer> matchNum = new HashMap<>();
      for (int i = 0; i < constraints.size(); i++) {
        Constraint constraint = constraints.get(i);
        String key = constraint.spec().topologyKey();
        for (SimulatedNode node : counted.get(i)) {
          int count = 0;
          for (PodInfo running : podsByNode.getOrDefault(node.name(), List.of())) {
            // countPodsMatchSelector: same namespace as the incoming pod, selector matches
            if (running.namespace().equals(namespace)
                && constraint.selector().matches(running.labels())) {
              count++;
            }
          }
          matchNum.merge(new Pair(key, node.labels().get(key)), count, Integer::sum);
        }
      }
      Map<String, Integer> domains = new HashMap<>();
      Map<String, Integer> minMatch = new HashMap<>();
      matchNum.forEach(
          (pair, count) -> {
            domains.merge(pair.key(), 1, Integer::sum);
            minMatch.merge(pair.key(), count, Math::min);
          });
      return new State(constraints, matchNum, domains, minMatch);
    }
  }
}
