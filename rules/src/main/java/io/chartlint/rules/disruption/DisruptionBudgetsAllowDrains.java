package io.chartlint.rules.disruption;

import static io.chartlint.core.Severity.WARNING;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.Replicas;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import io.chartlint.core.scheduling.LabelSelector;
import io.chartlint.rules.spread.Selectors;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

@RuleInfo(
    id = "pdb-blocks-drain",
    summary = "A PodDisruptionBudget allows no disruption of the controller it selects",
    severity = WARNING,
    since = "0.2.0",
    category = "node agents")
public final class DisruptionBudgetsAllowDrains implements Rule {
  /**
   * The controllers whose scale the disruption controller reads ({@code getExpectedScale} in {@code
   * pkg/controller/disruption/disruption.go}).
   */
  private static final Set<String> SCALED =
      Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

  @Override
  public void check(KubeObject object, RuleContext context) {
    if (!"PodDisruptionBudget".equals(object.kind())) {
      return;
    }
    Node spec = YamlNodes.get(object.root(), "spec");
    Node minAvailable = YamlNodes.get(spec, "minAvailable");
    Node maxUnavailable = YamlNodes.get(spec, "maxUnavailable");
    // an absent selector selects nothing; one the API server rejects is not judged
    LabelSelector selector = Selectors.parse(YamlNodes.get(spec, "selector"));
    if (selector == null || (minAvailable == null && maxUnavailable == null)) {
      return; // a null selector selects no pods (policy/v1)
    }
    for (KubeObject controller : context.inputObjects()) {
      if (!SCALED.contains(controller.kind())
          || !Objects.equals(namespace(controller), namespace(object))) {
        continue;
      }
      PodTemplate pod = controller.podTemplate().orElse(null);
      if (pod == null || !selector.matches(pod.labels())) {
        continue;
      }
      OptionalInt replicas = Replicas.of(controller);
      if (replicas.isEmpty() || replicas.getAsInt() == 0) {
        // a count the API server rejects creates no pods to drain, and neither does 0
        continue;
      }
      String verdict = verdict(minAvailable, maxUnavailable, replicas.getAsInt());
      if (verdict != null) {
        context.report(
            minAvailable != null ? minAvailable : maxUnavailable,
            "PodDisruptionBudget '"
                + object.name()
                + "' allows no disruption of "
                + controller.kind()
                + " '"
                + controller.name()
                + "' ("
                + verdict
                + "): draining a node that runs one of its pods waits until it times out or"
                + " someone deletes the budget",
            "Let at least one pod go: maxUnavailable: 1, or a minAvailable below the replica"
                + " count (run more replicas if one must stay up).");
      }
    }
  }

  /**
   * Why no pod may be evicted at this replica count, or null when one may. Percentages are rounded
   * up, as {@code intstr.GetScaledValueFromIntOrPercent(..., true)} does for both fields in the
   * disruption controller.
   */
  static String verdict(Node minAvailable, Node maxUnavailable, int replicas) {
    if (minAvailable != null) {
      Integer desired = scaled(YamlNodes.text(minAvailable), replicas);
      if (desired != null && desired >= replicas) {
        return replicas
            + (replicas == 1 ? " replica" : " replicas")
            + ", minAvailable "
            + YamlNodes.text(minAvailable)
            + (isPercent(minAvailable) ? " = " + desired : "");
      }
      return null;
    }
    Integer unavailable = scaled(YamlNodes.text(maxUnavailable), replicas);
    if (unavailable != null && unavailable <= 0) {
      return replicas
          + (replicas == 1 ? " replica" : " replicas")
          + ", maxUnavailable "
          + YamlNodes.text(maxUnavailable);
    }
    return null;
  }

  private static boolean isPercent(Node node) {
    String text = YamlNodes.text(node);
    return text != null && text.endsWith("%");
  }

  /** An int, or a percentage of the replicas rounded up; null when it is neither. */
  static Integer scaled(String text, int replicas) {
    if (text == null) {
      return null;
    }
    try {
      if (text.endsWith("%")) {
        int percent = Integer.parseInt(text.substring(0, text.length() - 1));
        return (int) ((percent * (long) replicas + 99) / 100);
      }
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String namespace(KubeObject object) {
    return object.namespace() == null ? "" : object.namespace();
  }
}
