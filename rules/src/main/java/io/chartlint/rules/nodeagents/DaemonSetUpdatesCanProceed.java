package io.chartlint.rules.nodeagents;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.Severity;
import io.chartlint.core.model.Container;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import org.yaml.snakeyaml.nodes.Node;

@RuleInfo(
    id = "daemonset-update-strategy",
    summary =
        "A DaemonSet's update strategy is rejected by the API server, deadlocks, or never rolls out",
    severity = ERROR,
    since = "0.2.0",
    category = "node agents")
public final class DaemonSetUpdatesCanProceed implements Rule {

  @Override
  public void check(KubeObject object, RuleContext context) {
    // OpenKruise's Advanced DaemonSet has its own strategy fields, with other defaults.
    if (!"DaemonSet".equals(object.kind()) || !"apps/v1".equals(object.apiVersion())) {
      return;
    }
    PodTemplate pod = object.podTemplate().orElse(null);
    Node strategy = YamlNodes.at(object.root(), "spec.updateStrategy");
    String type = YamlNodes.text(YamlNodes.get(strategy, "type"));
    String what = "DaemonSet '" + object.name() + "'";
    if ("OnDelete".equals(type)) {
      context.report(
          YamlNodes.get(strategy, "type"),
          what
              + " uses updateStrategy OnDelete: a new version reaches a node only when someone"
              + " deletes the old pod there",
          "Use type: RollingUpdate, unless you roll out node by node on purpose.",
          Severity.INFO);
      return;
    }
    if (type != null && !"RollingUpdate".equals(type)) {
      return; // toleration of other values is the API server's job (a schema error)
    }
    Node rolling = YamlNodes.get(strategy, "rollingUpdate");
    Node surgeNode = YamlNodes.get(rolling, "maxSurge");
    Node unavailableNode = YamlNodes.get(rolling, "maxUnavailable");
    // pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet: maxUnavailable 1, maxSurge 0
    IntOrPercent surge = IntOrPercent.parse(YamlNodes.text(surgeNode), 0);
    IntOrPercent unavailable = IntOrPercent.parse(YamlNodes.text(unavailableNode), 1);
    if (surge == null || unavailable == null) {
      return; // not an int or a percentage: a decoding error the API server reports
    }
    for (var entry :
        java.util.Map.of("maxSurge", surge, "maxUnavailable", unavailable).entrySet()) {
      IntOrPercent value = entry.getValue();
      Node node = entry.getKey().equals("maxSurge") ? surgeNode : unavailableNode;
      // pkg/apis/apps/validation/validation.go ValidateRollingUpdateDaemonSet
      if (value.amount() < 0) {
        context.report(
            node,
            what + ": rollingUpdate." + entry.getKey() + " must be greater than or equal to 0",
            "Use a value of 0 or more.");
        return;
      }
      if (value.percent() && value.amount() > 100) {
        context.report(
            node,
            what + ": rollingUpdate." + entry.getKey() + " must not be greater than 100%",
            "Use a percentage of at most 100%.");
        return;
      }
    }
    if (surge.amount() == 0 && unavailable.amount() == 0) {
      context.report(
          unavailableNode != null ? unavailableNode : surgeNode,
          what
              + ": rollingUpdate.maxUnavailable cannot be 0 when maxSurge is 0 (the API server"
              + " rejects it; an absent maxSurge is 0)",
          "Allow one pod down at a time (maxUnavailable: 1), or set maxSurge: 1 if the pod can run"
              + " twice on a node.");
      return;
    }
    if (surge.amount() > 0 && pod != null) {
      for (Container container : pod.allContainers()) {
        if (container.hasHostPort()) {
          context.report(
              surgeNode,
              what
                  + " surges (maxSurge "
                  + YamlNodes.text(surgeNode)
                  + ") while "
                  + container.describe()
                  + " binds a hostPort: the new pod cannot start beside the old one on the same"
                  + " node, which keeps its port, so the rollout never finishes",
              "Set maxSurge: 0 and maxUnavailable: 1, or drop the hostPort.");
          return;
        }
      }
    }
  }

  /**
   * An {@code IntOrString} as {@code intstr.GetScaledValueFromIntOrPercent} reads it.
   *
   * @param amount the integer, or the number before {@code %}
   */
  record IntOrPercent(int amount, boolean percent) {
    /** The value, the default when absent, or null when it is neither an int nor a percentage. */
    static IntOrPercent parse(String text, int absent) {
      if (text == null) {
        return new IntOrPercent(absent, false);
      }
      boolean percent = text.endsWith("%");
      String digits = percent ? text.substring(0, text.length() - 1) : text;
      try {
        return new IntOrPercent(Integer.parseInt(digits), percent);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
