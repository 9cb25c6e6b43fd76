package io.chartlint.rules.inventory;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import io.chartlint.core.rule.RuleParameters;
import io.chartlint.core.scheduling.NodeGroup;
import io.chartlint.core.scheduling.NodeInventory;
import io.chartlint.core.scheduling.Schedule;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "workload-fits-no-node",
    summary = "No node of the cluster's inventory can run the workload's pods",
    severity = ERROR,
    since = "0.2.0",
    category = "placement")
public final class WorkloadsFitSomeNode implements Rule {

  @Override
  public void check(KubeObject object, RuleContext context) {
    if (context.inventory().isEmpty() || "Node".equals(object.kind())) {
      return; // without an inventory there is nothing to schedule onto
    }
    PodTemplate pod = object.podTemplate().orElse(null);
    if (pod == null || Scheduled.bypassesScheduler(pod)) {
      return;
    }
    Schedule schedule = Scheduled.onInventory(pod, context);
    if (schedule.anyFits()) {
      replicasLeftOut(object, pod, schedule, context);
      return;
    }
    List<String> labels = NodePools.labels(context.parameters().strings(NodePools.POOL_LABELS));
    // Workloads with the same placement and requests are kept out for the same reasons.
    String why =
        schedule.derived(new WhyKey(labels), outcome -> why(outcome, context.inventory(), labels));
    String what = object.kind() + " '" + object.name() + "'";
    if (schedule.anyAdmitted()) {
      context.report(
          Scheduled.resourcesNode(pod),
          what + why,
          "Lower the requests the message names (init containers and sidecars count, and so does"
              + " the pod overhead), or add nodes with more allocatable to the pools it may run"
              + " on.");
    } else {
      context.report(
          Scheduled.placementNode(pod),
          what + why,
          "Make nodeSelector and required node affinity match the labels of the nodes it should"
              + " run on, and tolerate their NoSchedule and NoExecute taints.");
    }
  }

  private record WhyKey(List<String> poolLabels) {}

  /**
   * Reports the replicas that pod anti-affinity and DoNotSchedule spread constraints keep off every
   * node that admits the pod, once the replicas before them run.
   */
  private static void replicasLeftOut(
      KubeObject object, PodTemplate pod, Schedule schedule, RuleContext context) {
    ReplicaPlacement.Shortfall shortfall =
        ReplicaPlacement.shortfall(object, pod, schedule, context.inventory());
    if (shortfall == null) {
      return;
    }
    int left = shortfall.wanted() - shortfall.placed();
    context.report(
        shortfall.where(),
        object.kind()
            + " '"
            + object.name()
            + "' wants "
            + shortfall.wanted()
            + (shortfall.wanted() == 1 ? " replica" : " replicas")
            + ", but "
            + (shortfall.placed() == 0 ? "none" : "only " + shortfall.placed())
            + " can be scheduled on the "
            + (shortfall.admitting() == 1 ? "1 node" : shortfall.admitting() + " nodes")
            + " of the inventory that admit its pods, so "
            + (shortfall.placed() == 0 ? "all" : left)
            + " stay Pending: with "
            + (shortfall.placed() == 1 ? "1 replica" : shortfall.placed() + " replicas")
            + " running, "
            + String.join("; ", shortfall.why())
            + " (only its own replicas are counted)",
        "Let replicas share a topology domain (a preferred instead of a required anti-affinity"
            + " term, a larger maxSkew or whenUnsatisfiable: ScheduleAnyway), lower the replicas,"
            + " or add nodes that carry the topology key to the pools the pods run on.");
  }

  /** The message after the workload's name: which nodes keep its pods out, and why. */
  private static String why(Schedule schedule, NodeInventory inventory, List<String> labels) {
    List<NodeGroup> fits = schedule.groups();
    boolean someAdmit = schedule.anyAdmitted();
    // When some nodes admit the pod, only their resources matter: the others are left out.
    List<NodeGroup> relevant =
        someAdmit ? fits.stream().filter(group -> group.fit().admitted()).toList() : fits;
    List<String> pools = new ArrayList<>();
    for (NodePools.Miss miss : NodePools.misses(relevant, inventory, labels)) {
      pools.add(miss.describe());
    }
    int n = inventory.size();
    if (someAdmit) {
      return " requests more than "
          + (Scheduled.count(relevant) == 1
              ? "the 1 node of the inventory that admits it"
              : "any of the " + Scheduled.count(relevant) + " nodes of the inventory that admit it")
          + " can give, so its pods stay Pending: "
          + String.join(" | ", pools)
          + withRoom(fits, inventory, labels);
    }
    return " can run on none of "
        + (n == 1 ? "the 1 node" : "the " + n + " nodes")
        + " of the inventory, so its pods stay Pending: "
        + String.join(" | ", pools);
  }

  /** The nodes that have room for the requests but keep the pod out, and why; or nothing. */
  private static String withRoom(
      List<NodeGroup> fits, NodeInventory inventory, List<String> labels) {
    List<NodeGroup> roomy =
        fits.stream()
            .filter(group -> !group.fit().admitted() && group.fit().insufficient().isEmpty())
            .toList();
    if (roomy.isEmpty()) {
      return "";
    }
    List<String> pools = new ArrayList<>();
    for (NodePools.Miss miss : NodePools.misses(roomy, inventory, labels)) {
      pools.add(miss.describe());
    }
    return ". The nodes with room keep it out: " + String.join(" | ", pools);
  }

  @Override
  public List<String> parameterErrors(RuleParameters parameters) {
    return Parameters.errors(parameters, List.of(NodePools.POOL_LABELS));
  }
}
