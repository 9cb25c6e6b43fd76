package io.chartlint.rules.inventory;

import io.chartlint.core.model.Placements;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.SchedulingInputs;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.scheduling.NodeGroup;
import io.chartlint.core.scheduling.NodeInventory;
import io.chartlint.core.scheduling.Schedule;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** One pod template scheduled onto every node of the inventory. */
final class Scheduled {
  private Scheduled() {}

  /**
   * The pod's outcome on every node; workloads whose pods the filters cannot tell apart share one,
   * so a chart that stamps the same placement onto many workloads schedules it once. Kept with the
   * pod template, so the inventory rules that read the same object look it up once.
   */
  static Schedule onInventory(PodTemplate pod, RuleContext context) {
    NodeInventory inventory = context.inventory();
    return pod.derived(
        inventory,
        p ->
            inventory.schedule(
                Placements.of(p), SchedulingInputs.resources(p), SchedulingInputs.os(p)));
  }

  /** How many nodes the groups hold. */
  static int count(List<NodeGroup> groups) {
    return groups.stream().mapToInt(group -> group.nodes().size()).sum();
  }

  /**
   * Whether the pod names its node ({@code spec.nodeName}): the scheduler never sees it, and the
   * kubelet of that node alone decides.
   */
  static boolean bypassesScheduler(PodTemplate pod) {
    return YamlNodes.text(pod.field("nodeName")) != null;
  }

  /**
   * Where a finding about placement belongs: {@code nodeSelector}, else {@code affinity}, else
   * {@code tolerations}, else the pod spec.
   */
  static Node placementNode(PodTemplate pod) {
    for (String field : List.of("nodeSelector", "affinity", "tolerations")) {
      if (pod.field(field) != null) {
        return YamlNodes.keyNode(pod.spec(), field);
      }
    }
    return pod.spec();
  }

  /** Where a finding about requests belongs: {@code containers}, else the pod spec. */
  static Node resourcesNode(PodTemplate pod) {
    Node containers = YamlNodes.keyNode(pod.spec(), "containers");
    return containers != null ? containers : pod.spec();
  }
}
