package io.chartlint.core.scheduling;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a pod runs on a node of an inventory, after every filter that a manifest decides: node
 * selector and affinity, taints, resources, and the kubelet's operating-system check.
 *
 * @param placement the NodeAffinity and TaintToleration outcome
 * @param insufficient what NodeResourcesFit finds missing on the empty node
 * @param osMismatch the kubelet's reason to reject the pod for its {@code spec.os.name}, or null
 */
public record NodeFit(
    InventoryNode node,
    Fit placement,
    List<ResourceFit.Insufficient> insufficient,
    String osMismatch) {

  public NodeFit {
    insufficient = List.copyOf(insufficient);
  }

  public boolean fits() {
    return placement.fits() && insufficient.isEmpty() && osMismatch == null;
  }

  /** Whether node selector, affinity and taints admit the pod, whatever its requests. */
  public boolean admitted() {
    return placement.fits() && osMismatch == null;
  }

  /**
   * Short reasons why the pod does not run on the node, each independent of the node's name so that
   * nodes of a pool share them; empty when it fits.
   */
  public List<String> reasons() {
    List<String> reasons = new ArrayList<>();
    if (!placement.nodeSelectorMatches()) {
      reasons.add("nodeSelector " + String.join(", ", placement.nodeSelectorMismatches()));
    }
    if (!placement.affinityMatches()) {
      reasons.add(affinityReason());
    }
    for (Taint taint : placement.untoleratedTaints()) {
      reasons.add("taint " + taint + " not tolerated");
    }
    if (osMismatch != null) {
      reasons.add(osMismatch);
    }
    for (ResourceFit.Insufficient missing : insufficient) {
      reasons.add(
          ResourceList.PODS.equals(missing.resource())
              ? "allocatable pods is " + missing.capacity().toPlainString()
              : missing.reason()
                  + " (requests "
                  + Amounts.describe(missing.resource(), missing.requested())
                  + ", allocatable "
                  + Amounts.describe(missing.resource(), missing.capacity())
                  + ")");
    }
    return reasons;
  }

  private String affinityReason() {
    List<TermMatch> terms = placement.terms();
    if (terms.isEmpty()) {
      return "required node affinity has no terms";
    }
    List<String> failures = new ArrayList<>();
    for (TermMatch term : terms) {
      String why =
          switch (term.outcome()) {
            case EMPTY -> "is empty";
            case UNPARSABLE -> "does not parse";
            default ->
                "needs "
                    + String.join(
                        ", ", term.unmetRequirements().stream().map(Object::toString).toList());
          };
      failures.add("term [" + term.index() + "] " + why);
    }
    return "required node affinity: " + String.join("; ", failures);
  }
}
