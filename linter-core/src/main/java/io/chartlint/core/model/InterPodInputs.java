package io.chartlint.core.model;

import io.chartlint.core.scheduling.PodAffinityTerm;
import io.chartlint.core.scheduling.PodInfo;
import io.chartlint.core.scheduling.SpreadConstraint;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads what the inter-pod filters need from a pod template: its labels, required pod
 * (anti-)affinity terms and topology spread constraints. Entries the API server would reject (a
 * {@code maxSkew} that is not a positive number, a term without a {@code topologyKey}) are left
 * out; {@code pod-affinity-invalid} and {@code topology-spread-invalid} report them.
 */
public final class InterPodInputs {
  private InterPodInputs() {}

  /**
   * The pod a template creates, in a namespace.
   *
   * @param namespace the owner's namespace, or null when the manifest names none
   */
  public static PodInfo pod(PodTemplate pod, String namespace) {
    Node affinity = pod.field("affinity");
    return new PodInfo(
        namespace,
        pod.labels(),
        null,
        terms(YamlNodes.get(affinity, "podAffinity")),
        terms(YamlNodes.get(affinity, "podAntiAffinity")),
        spread(pod.field("topologySpreadConstraints")),
        Placements.of(pod));
  }

  private static List<PodAffinityTerm> terms(Node affinity) {
    List<PodAffinityTerm> terms = new ArrayList<>();
    for (Node term :
        YamlNodes.items(
            YamlNodes.get(affinity, "requiredDuringSchedulingIgnoredDuringExecution"))) {
      String topologyKey = YamlNodes.text(YamlNodes.get(term, "topologyKey"));
      if (topologyKey == null || topologyKey.isEmpty()) {
        continue;
      }
      Node namespaceSelector = YamlNodes.get(term, "namespaceSelector");
      terms.add(
          new PodAffinityTerm(
              LabelSelectors.of(YamlNodes.get(term, "labelSelector")),
              LabelSelectors.strings(YamlNodes.get(term, "namespaces")),
              namespaceSelector == null || YamlNodes.isNull(namespaceSelector)
                  ? null
                  : LabelSelectors.of(namespaceSelector),
              topologyKey,
              LabelSelectors.strings(YamlNodes.get(term, "matchLabelKeys")),
              LabelSelectors.strings(YamlNodes.get(term, "mismatchLabelKeys"))));
    }
    return terms;
  }

  private static List<SpreadConstraint> spread(Node constraints) {
    List<SpreadConstraint> result = new ArrayList<>();
    for (Node constraint : YamlNodes.items(constraints)) {
      Integer maxSkew = positive(YamlNodes.get(constraint, "maxSkew"));
      String topologyKey = YamlNodes.text(YamlNodes.get(constraint, "topologyKey"));
      if (maxSkew == null || topologyKey == null || topologyKey.isEmpty()) {
        continue;
      }
      Node minDomains = YamlNodes.get(constraint, "minDomains");
      Integer domains =
          minDomains == null || YamlNodes.isNull(minDomains) ? 1 : positive(minDomains);
      if (domains == null) {
        continue;
      }
      result.add(
          new SpreadConstraint(
              maxSkew,
              topologyKey,
              "DoNotSchedule"
                  .equals(YamlNodes.text(YamlNodes.get(constraint, "whenUnsatisfiable"))),
              LabelSelectors.of(YamlNodes.get(constraint, "labelSelector")),
              domains,
              !"Ignore".equals(YamlNodes.text(YamlNodes.get(constraint, "nodeAffinityPolicy"))),
              "Honor".equals(YamlNodes.text(YamlNodes.get(constraint, "nodeTaintsPolicy"))),
              LabelSelectors.strings(YamlNodes.get(constraint, "matchLabelKeys"))));
    }
    return result;
  }

  private static Integer positive(Node node) {
    try {
      int value = Integer.parseInt(YamlNodes.text(node));
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
