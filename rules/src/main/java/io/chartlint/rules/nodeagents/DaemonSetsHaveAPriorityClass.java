package io.chartlint.rules.nodeagents;

import static io.chartlint.core.Severity.WARNING;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

@RuleInfo(
    id = "priority-class-missing",
    summary = "A DaemonSet has no priority class that lets its pods onto full nodes",
    severity = WARNING,
    since = "0.2.0",
    category = "node agents")
public final class DaemonSetsHaveAPriorityClass implements Rule {
  /**
   * The classes every cluster has ({@code SystemPriorityClasses} in {@code
   * pkg/apis/scheduling/types.go}).
   */
  static final Set<String> SYSTEM_CLASSES =
      Set.of("system-node-critical", "system-cluster-critical");

  static final String NODE_BOUND_ANNOTATION = "chartlint.io/node-bound";

  @Override
  public void check(KubeObject object, RuleContext context) {
    if (!object.isDaemonSet()) {
      return; // other workloads can land on any node with room; a DaemonSet pod has one node
    }
    PodTemplate pod = object.podTemplate().orElse(null);
    if (pod == null || optedOut(object, pod)) {
      return;
    }
    Node nameNode = pod.field("priorityClassName");
    String name = YamlNodes.text(nameNode);
    String fix =
        "Set priorityClassName: system-node-critical for an agent the node cannot work without"
            + " (CNI, storage, kube-proxy), or a PriorityClass of your own with a value above your"
            + " workloads', shipped with the chart.";
    if (name == null || name.isEmpty()) {
      context.report(
          pod.spec(),
          "DaemonSet '"
              + object.name()
              + "' sets no priorityClassName: on a node whose resources are taken, its pod stays"
              + " Pending, because it cannot preempt the pods there",
          fix);
      return;
    }
    if (SYSTEM_CLASSES.contains(name) || definedInInput(name, context)) {
      return;
    }
    context.report(
        nameNode,
        "DaemonSet '"
            + object.name()
            + "' uses priorityClassName '"
            + name
            + "', which is neither a system class nor a PriorityClass of the same input: the pod"
            + " is rejected where the cluster lacks it, and may not outrank the pods on a full"
            + " node",
        fix);
  }

  private static boolean optedOut(KubeObject object, PodTemplate pod) {
    String value = object.annotations().get(NODE_BOUND_ANNOTATION);
    if (value == null) {
      value = pod.annotations().get(NODE_BOUND_ANNOTATION);
    }
    return "false".equals(value);
  }

  private static boolean definedInInput(String name, RuleContext context) {
    for (KubeObject other : context.inputObjects()) {
      if ("PriorityClass".equals(other.kind())
          && other.apiVersion() != null
          && other.apiVersion().startsWith("scheduling.k8s.io/")
          && name.equals(other.name())) {
        return true;
      }
    }
    return false;
  }
}
