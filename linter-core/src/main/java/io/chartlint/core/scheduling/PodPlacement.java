package io.chartlint.core.scheduling;

import java.util.List;
import java.util.Map;

/**
 * What in a pod spec decides the nodes it may run on.
 *
 * @param nodeSelector {@code spec.nodeSelector}, empty when absent
 * @param requiredTerms the {@code nodeSelectorTerms} of {@code
 *     requiredDuringSchedulingIgnoredDuringExecution}; {@code null} when no required node affinity
 *     is set, which admits every node, unlike an empty list, which admits none
 * @param tolerations {@code spec.tolerations} in the order written
 * @param daemonSet whether the DaemonSet controller creates the pod, and so adds its tolerations
 * @param hostNetwork {@code spec.hostNetwork}
 */
public record PodPlacement(
    Map<String, String> nodeSelector,
    List<NodeSelectorTerm> requiredTerms,
    List<Toleration> tolerations,
    boolean daemonSet,
    boolean hostNetwork) {

  public PodPlacement {
    nodeSelector = SimulatedNode.copy(nodeSelector);
    requiredTerms = requiredTerms == null ? null : List.copyOf(requiredTerms);
    tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
  }

  /**
   * Whether neither {@code nodeSelector} nor required node affinity constrains the node's labels.
   */
  public boolean unconstrained() {
    return nodeSelector.isEmpty() && requiredTerms == null;
  }

  public PodPlacement withRequiredTerms(List<NodeSelectorTerm> terms) {
    return new PodPlacement(nodeSelector, terms, tolerations, daemonSet, hostNetwork);
  }

  public PodPlacement withTolerations(List<Toleration> newTolerations) {
    return new PodPlacement(nodeSelector, requiredTerms, newTolerations, daemonSet, hostNetwork);
  }
}
