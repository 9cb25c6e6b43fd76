package io.chartlint.core.model;

import io.chartlint.core.scheduling.NodeSelectorRequirement;
import io.chartlint.core.scheduling.NodeSelectorTerm;
import io.chartlint.core.scheduling.PodPlacement;
import io.chartlint.core.scheduling.Toleration;
import java.util.ArrayList;
import java.util.List;

/** Reads what decides a pod template's nodes into the scheduling model. */
public final class Placements {
  private Placements() {}

  /**
   * The placement of a pod template: {@code nodeSelector}, the required node selector terms ({@code
   * null} when no required node affinity is set, an empty list when it has no terms), tolerations,
   * whether a DaemonSet creates its pods, and {@code hostNetwork}. Read once per pod template and
   * shared by the rules that ask.
   */
  public static PodPlacement of(PodTemplate pod) {
    return pod.derived(PodPlacement.class, Placements::read);
  }

  private static PodPlacement read(PodTemplate pod) {
    List<NodeSelectorTermNode> written = pod.requiredTerms();
    List<NodeSelectorTerm> terms = null;
    if (written != null) {
      terms = new ArrayList<>();
      for (NodeSelectorTermNode term : written) {
        terms.add(term(term));
      }
    }
    List<Toleration> tolerations = new ArrayList<>();
    for (TolerationNode t : pod.tolerations()) {
      tolerations.add(
          new Toleration(t.key(), t.operator(), t.value(), t.effect(), t.tolerationSeconds()));
    }
    return new PodPlacement(
        pod.nodeSelector(), terms, tolerations, pod.owner().isDaemonSet(), pod.hostNetwork());
  }

  /** One written term in the scheduling model. */
  public static NodeSelectorTerm term(NodeSelectorTermNode term) {
    return new NodeSelectorTerm(
        requirements(term.matchExpressions()), requirements(term.matchFields()));
  }

  private static List<NodeSelectorRequirement> requirements(
      List<NodeSelectorTermNode.Requirement> written) {
    List<NodeSelectorRequirement> list = new ArrayList<>();
    for (NodeSelectorTermNode.Requirement rq : written) {
      list.add(new NodeSelectorRequirement(rq.key(), rq.operator(), rq.values()));
    }
    return list;
  }
}
