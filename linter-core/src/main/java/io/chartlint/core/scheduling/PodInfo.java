package io.chartlint.core.scheduling;

import java.util.List;
import java.util.Map;

/**
 * What the inter-pod filters read of a pod: where it is, which labels it has, and its required pod
 * (anti-)affinity and topology spread constraints.
 *
 * @param namespace {@code metadata.namespace}; {@code ""} stands for one namespace not named
 * @param nodeName the node it runs on, or null for the pod being scheduled
 * @param placement its node selector, required node affinity and tolerations, which the spread
 *     constraints' node inclusion policies read
 */
public record PodInfo(
    String namespace,
    Map<String, String> labels,
    String nodeName,
    List<PodAffinityTerm> requiredAffinity,
    List<PodAffinityTerm> requiredAntiAffinity,
    List<SpreadConstraint> spreadConstraints,
    PodPlacement placement) {

  public PodInfo {
    namespace = namespace == null ? "" : namespace;
    labels = SimulatedNode.copy(labels);
    requiredAffinity = requiredAffinity == null ? List.of() : List.copyOf(requiredAffinity);
    requiredAntiAffinity =
        requiredAntiAffinity == null ? List.of() : List.copyOf(requiredAntiAffinity);
    spreadConstraints = spreadConstraints == null ? List.of() : List.copyOf(spreadConstraints);
    placement =
        placement == null ? new PodPlacement(Map.of(), null, List.of(), false, false) : placement;
  }

  /** A pod with labels only, in a namespace, on a node (or null for the incoming pod). */
  public static PodInfo of(String namespace, Map<String, String> labels, String nodeName) {
    return new PodInfo(namespace, labels, nodeName, List.of(), List.of(), List.of(), null);
  }

  public PodInfo onNode(String node) {
    return new PodInfo(
        namespace,
        labels,
        node,
        requiredAffinity,
        requiredAntiAffinity,
        spreadConstraints,
        placement);
  }

  public PodInfo withAffinity(List<PodAffinityTerm> affinity, List<PodAffinityTerm> anti) {
    return new PodInfo(namespace, labels, nodeName, affinity, anti, spreadConstraints, placement);
  }

  public PodInfo withSpread(List<SpreadConstraint> constraints) {
    return new PodInfo(
        namespace,
        labels,
        nodeName,
        requiredAffinity,
        requiredAntiAffinity,
        constraints,
        placement);
  }

  public PodInfo withPlacement(PodPlacement newPlacement) {
    return new PodInfo(
        namespace,
        labels,
        nodeName,
        requiredAffinity,
        requiredAntiAffinity,
        spreadConstraints,
        newPlacement);
  }
}
