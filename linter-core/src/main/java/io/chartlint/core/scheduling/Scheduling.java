package io.chartlint.core.scheduling;

import io.chartlint.core.scheduling.AppliedToleration.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether a pod fits a node, as the scheduler's NodeAffinity and TaintToleration filters decide.
 */
public final class Scheduling {
  private static final String NOT_READY = "node.kubernetes.io/not-ready";
  private static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  private static final long DEFAULT_TOLERATION_SECONDS = 300L;

  private Scheduling() {}

  /**
   * {@link #fit(PodPlacement, SimulatedNode, boolean)} with Lt/Gt tolerations off (the default).
   */
  public static Fit fit(PodPlacement pod, SimulatedNode node) {
    return fit(pod, node, false);
  }

  /**
   * Schedules the pod onto the node and says why it fits or not.
   *
   * @param comparisonOperators whether the {@code TaintTolerationComparisonOperators} gate is on
   */
  public static Fit fit(PodPlacement pod, SimulatedNode node, boolean comparisonOperators) {
    return fitter(pod, comparisonOperators).apply(node);
  }

  /**
   * {@link #fit(PodPlacement, SimulatedNode, boolean)} for one pod and many nodes: what depends on
   * the pod alone (its effective tolerations, whether its terms parse) is worked out once.
   */
  public static Function<SimulatedNode, Fit> fitter(PodPlacement pod, boolean comparisonOperators) {
    List<AppliedToleration> tolerations = effectiveTolerations(pod);
    List<List<String>> termErrors = null;
    if (pod.requiredTerms() != null) {
      termErrors = new ArrayList<>();
      for (NodeSelectorTerm term : pod.requiredTerms()) {
        termErrors.add(term.isEmpty() ? List.of() : term.parseErrors());
      }
    }
    List<List<String>> errors = termErrors;
    return node -> fit(pod, node, comparisonOperators, tolerations, errors);
  }

  private static Fit fit(
      PodPlacement pod,
      SimulatedNode node,
      boolean comparisonOperators,
      List<AppliedToleration> tolerations,
      List<List<String>> termErrors) {
    // component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go: RequiredNodeAffinity.Match
    List<String> mismatches = nodeSelectorMismatches(pod.nodeSelector(), node.labels());
    List<TermMatch> terms = null;
    if (pod.requiredTerms() != null) {
      terms = new ArrayList<>();
      for (int i = 0; i < pod.requiredTerms().size(); i++) {
        terms.add(matchTerm(i, pod.requiredTerms().get(i), node, termErrors.get(i)));
      }
    }
    List<TaintCheck> taints = new ArrayList<>();
    for (Taint taint : node.taints()) {
      if (taint.keepsPodsOff()) {
        taints.add(new TaintCheck(taint, firstTolerating(tolerations, taint, comparisonOperators)));
      }
    }
    return new Fit(node, pod, mismatches, terms, taints);
  }

  /** Whether the pod fits the node. */
  public static boolean fits(PodPlacement pod, SimulatedNode node) {
    return fit(pod, node).fits();
  }

  /** Whether the node's labels satisfy {@code nodeSelector} and the required terms. */
  public static boolean labelsMatch(PodPlacement pod, SimulatedNode node) {
    return fit(pod, node).labelsMatch();
  }

  /**
   * Evaluates each required term. Terms are ORed by the caller; an empty term and a term that does
   * not parse select nothing, while the other terms are still evaluated.
   */
  public static List<TermMatch> matchTerms(List<NodeSelectorTerm> terms, SimulatedNode node) {
    List<TermMatch> results = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      NodeSelectorTerm term = terms.get(i);
      results.add(matchTerm(i, term, node, term.isEmpty() ? List.of() : term.parseErrors()));
    }
    return results;
  }

  /** Whether one of the terms selects the node: {@code NodeSelector.Match}. */
  public static boolean anyTermMatches(List<NodeSelectorTerm> terms, SimulatedNode node) {
    return matchTerms(terms, node).stream().anyMatch(TermMatch::matches);
  }

  private static TermMatch matchTerm(
      int index, NodeSelectorTerm term, SimulatedNode node, List<String> errors) {
    // component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go: "nil or empty term selects
    // no objects"
    if (term.isEmpty()) {
      return new TermMatch(index, term, TermMatch.Outcome.EMPTY, List.of(), List.of());
    }
    // component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go: nodeSelectorTerm.match,
    // parseErrs first
    if (!errors.isEmpty()) {
      return new TermMatch(index, term, TermMatch.Outcome.UNPARSABLE, List.of(), errors);
    }
    List<NodeSelectorRequirement> unmet = new ArrayList<>();
    for (NodeSelectorRequirement expression : term.matchExpressions()) {
      if (!expression.matchesLabels(node.labels())) {
        unmet.add(expression);
      }
    }
    // nodeaffinity.go: matchFields are checked only when the node has fields (a name)
    Map<String, String> fields = node.fields();
    if (!fields.isEmpty()) {
      for (NodeSelectorRequirement field : term.matchFields()) {
        if (!field.matchesFields(fields)) {
          unmet.add(field);
        }
      }
    }
    TermMatch.Outcome outcome =
        unmet.isEmpty() ? TermMatch.Outcome.MATCHES : TermMatch.Outcome.DOES_NOT_MATCH;
    return new TermMatch(index, term, outcome, unmet, List.of());
  }

  /**
   * The {@code nodeSelector} entries the labels fail: each key must be present with exactly that
   * value ({@code labels.SelectorFromSet}, so {@code key: ""} needs the label, empty).
   */
  public static List<String> nodeSelectorMismatches(
      Map<String, String> nodeSelector, Map<String, String> labels) {
    // apimachinery/pkg/labels/selector.go: SelectorFromValidatedSet builds Equals requirements
    List<String> mismatches = new ArrayList<>();
    nodeSelector.forEach(
        (key, value) -> {
          if (!labels.containsKey(key) || !value.equals(labels.get(key))) {
            mismatches.add(key + "=" + value);
          }
        });
    return mismatches;
  }

  /**
   * The tolerations the pod carries once created: its own, rewritten and extended by the DaemonSet
   * controller for DaemonSet pods, then extended by the DefaultTolerationSeconds admission plugin.
   */
  public static List<AppliedToleration> effectiveTolerations(PodPlacement pod) {
    List<AppliedToleration> tolerations = new ArrayList<>();
    for (int i = 0; i < pod.tolerations().size(); i++) {
      tolerations.add(new AppliedToleration(pod.tolerations().get(i), i, Origin.POD));
    }
    if (pod.daemonSet()) {
      // pkg/controller/daemon/util/daemonset_util.go: CreatePodTemplate calls
      // AddOrUpdateDaemonPodTolerations
      for (Toleration added : daemonSetTolerations(pod.hostNetwork())) {
        tolerations = addOrUpdateToleration(tolerations, added);
      }
    }
    addDefaultTolerationSeconds(tolerations);
    return List.copyOf(tolerations);
  }

  /**
   * The tolerations the DaemonSet controller gives every pod it creates, in the order it adds them.
   */
  public static List<Toleration> daemonSetTolerations(boolean hostNetwork) {
    return hostNetwork ? DAEMON_SET_TOLERATIONS_HOST_NETWORK : DAEMON_SET_TOLERATIONS;
  }

  private static final List<Toleration> DAEMON_SET_TOLERATIONS = buildDaemonSetTolerations(false);
  private static final List<Toleration> DAEMON_SET_TOLERATIONS_HOST_NETWORK =
      buildDaemonSetTolerations(true);

  private static List<Toleration> buildDaemonSetTolerations(boolean hostNetwork) {
    // pkg/controller/daemon/util/daemonset_util.go: AddOrUpdateDaemonPodTolerations
    List<Toleration> tolerations = new ArrayList<>();
    tolerations.add(Toleration.of(NOT_READY, Toleration.EXISTS, "", Taint.NO_EXECUTE));
    tolerations.add(Toleration.of(UNREACHABLE, Toleration.EXISTS, "", Taint.NO_EXECUTE));
    tolerations.add(
        Toleration.of(
            "node.kubernetes.io/disk-pressure", Toleration.EXISTS, "", Taint.NO_SCHEDULE));
    tolerations.add(
        Toleration.of(
            "node.kubernetes.io/memory-pressure", Toleration.EXISTS, "", Taint.NO_SCHEDULE));
    tolerations.add(
        Toleration.of("node.kubernetes.io/pid-pressure", Toleration.EXISTS, "", Taint.NO_SCHEDULE));
    tolerations.add(
        Toleration.of(
            "node.kubernetes.io/unschedulable", Toleration.EXISTS, "", Taint.NO_SCHEDULE));
    if (hostNetwork) {
      tolerations.add(
          Toleration.of(
              "node.kubernetes.io/network-unavailable", Toleration.EXISTS, "", Taint.NO_SCHEDULE));
    }
    return List.copyOf(tolerations);
  }

  private static List<AppliedToleration> addOrUpdateToleration(
      List<AppliedToleration> tolerations, Toleration added) {
    // pkg/apis/core/v1/helper/helpers.go: AddOrUpdateTolerationInPodSpec
    List<AppliedToleration> updated = new ArrayList<>();
    boolean replaced = false;
    for (AppliedToleration existing : tolerations) {
      if (added.matchToleration(existing.toleration())) {
        if (added.equals(existing.toleration())) {
          return tolerations;
        }
        updated.add(
            new AppliedToleration(
                added, existing.podIndex(), Origin.POD_REWRITTEN_BY_DAEMON_SET_CONTROLLER));
        replaced = true;
      } else {
        updated.add(existing);
      }
    }
    if (!replaced) {
      updated.add(new AppliedToleration(added, -1, Origin.DAEMON_SET_CONTROLLER));
    }
    return updated;
  }

  private static void addDefaultTolerationSeconds(List<AppliedToleration> tolerations) {
    // plugin/pkg/admission/defaulttolerationseconds/admission.go: looks at key and effect only
    boolean notReady = false;
    boolean unreachable = false;
    for (AppliedToleration applied : tolerations) {
      Toleration toleration = applied.toleration();
      boolean noExecute =
          toleration.effect().isEmpty() || Taint.NO_EXECUTE.equals(toleration.effect());
      notReady |= noExecute && (toleration.key().isEmpty() || NOT_READY.equals(toleration.key()));
      unreachable |=
          noExecute && (toleration.key().isEmpty() || UNREACHABLE.equals(toleration.key()));
    }
    if (!notReady) {
      tolerations.add(defaultToleration(NOT_READY));
    }
    if (!unreachable) {
      tolerations.add(defaultToleration(UNREACHABLE));
    }
  }

  private static AppliedToleration defaultToleration(String key) {
    return new AppliedToleration(
        new Toleration(key, Toleration.EXISTS, "", Taint.NO_EXECUTE, DEFAULT_TOLERATION_SECONDS),
        -1,
        Origin.DEFAULT_TOLERATION_SECONDS);
  }

  private static AppliedToleration firstTolerating(
      List<AppliedToleration> tolerations, Taint taint, boolean comparisonOperators) {
    // component-helpers/scheduling/corev1/helpers.go: TolerationsTolerateTaint stops at the first
    for (AppliedToleration applied : tolerations) {
      if (applied.toleration().toleratesTaint(taint, comparisonOperators)) {
        return applied;
      }
    }
    return null;
  }

  /**
   * The first taint that passes the filter and that no toleration tolerates: {@code
   * FindMatchingUntoleratedTaint}.
   */
  public static Optional<Taint> findMatchingUntoleratedTaint(
      List<Taint> taints,
      List<Toleration> tolerations,
      Predicate<Taint> filter,
      boolean comparisonOperators) {
    // component-helpers/scheduling/corev1/helpers.go: FindMatchingUntoleratedTaint
    for (Taint taint : taints) {
      if (!filter.test(taint)) {
        continue;
      }
      boolean tolerated =
          tolerations.stream()
              .anyMatch(toleration -> toleration.toleratesTaint(taint, comparisonOperators));
      if (!tolerated) {
        return Optional.of(taint);
      }
    }
    return Optional.empty();
  }
}
