package io.chartlint.core.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a pod fits a node, and why: what each part of the pod's placement said about the node.
 *
 * @param node the node
 * @param pod the pod
 * @param nodeSelectorMismatches the {@code nodeSelector} keys the node's labels fail
 * @param terms one result per required node affinity term; {@code null} when the pod has no
 *     required node affinity
 * @param taints each {@code NoSchedule}/{@code NoExecute} taint of the node, in order, and what
 *     tolerates it
 */
public record Fit(
    SimulatedNode node,
    PodPlacement pod,
    List<String> nodeSelectorMismatches,
    List<TermMatch> terms,
    List<TaintCheck> taints) {

  public Fit {
    nodeSelectorMismatches = List.copyOf(nodeSelectorMismatches);
    terms = terms == null ? null : List.copyOf(terms);
    taints = List.copyOf(taints);
  }

  /** Whether the scheduler would place the pod on the node. */
  public boolean fits() {
    return labelsMatch() && untoleratedTaints().isEmpty();
  }

  public boolean nodeSelectorMatches() {
    return nodeSelectorMismatches.isEmpty();
  }

  /** Whether required node affinity admits the node (it does when there is none). */
  public boolean affinityMatches() {
    return terms == null || terms.stream().anyMatch(TermMatch::matches);
  }

  /** Whether the node's labels satisfy both {@code nodeSelector} and required node affinity. */
  public boolean labelsMatch() {
    return nodeSelectorMatches() && affinityMatches();
  }

  /**
   * Whether neither {@code nodeSelector} nor required node affinity constrained the node at all.
   */
  public boolean unconstrained() {
    return pod.unconstrained();
  }

  /** The required terms that select the node. */
  public List<TermMatch> matchingTerms() {
    return terms == null ? List.of() : terms.stream().filter(TermMatch::matches).toList();
  }

  public List<Taint> untoleratedTaints() {
    return taints.stream().filter(check -> !check.tolerated()).map(TaintCheck::taint).toList();
  }

  /** The first untolerated taint, the one {@code FindMatchingUntoleratedTaint} reports. */
  public Optional<Taint> firstUntoleratedTaint() {
    return untoleratedTaints().stream().findFirst();
  }

  /** A sentence or two saying why the pod does or does not fit the node. */
  public String explanation() {
    List<String> reasons = new ArrayList<>();
    if (unconstrained()) {
      reasons.add("no nodeSelector or required node affinity constrains the node's labels");
    } else {
      if (!pod.nodeSelector().isEmpty()) {
        reasons.add(
            nodeSelectorMatches()
                ? "its labels satisfy nodeSelector"
                : "its labels fail nodeSelector " + String.join(", ", nodeSelectorMismatches));
      }
      if (terms != null) {
        reasons.add(describeAffinity());
      }
    }
    if (taints.isEmpty()) {
      reasons.add("it has no NoSchedule or NoExecute taint");
    }
    for (TaintCheck check : taints) {
      reasons.add(
          check.tolerated()
              ? "taint " + check.taint() + " is tolerated by " + check.toleratedBy().describe()
              : "taint " + check.taint() + " is not tolerated");
    }
    return "node "
        + node.name()
        + (fits() ? " admits the pod: " : " keeps the pod off: ")
        + String.join("; ", reasons);
  }

  private String describeAffinity() {
    List<TermMatch> matching = matchingTerms();
    if (!matching.isEmpty()) {
      return "its labels satisfy required node affinity "
          + String.join(
              ", ", matching.stream().map(term -> "term [" + term.index() + "]").toList());
    }
    if (terms.isEmpty()) {
      return "required node affinity has no terms";
    }
    List<String> failures = new ArrayList<>();
    for (TermMatch term : terms) {
      String why =
          switch (term.outcome()) {
            case EMPTY -> "is empty";
            case UNPARSABLE -> "does not parse (" + String.join("; ", term.parseErrors()) + ")";
            default -> "fails " + term.unmetRequirements();
          };
      failures.add("term [" + term.index() + "] " + why);
    }
    return "no required node affinity term selects it: " + String.join(", ", failures);
  }
}
