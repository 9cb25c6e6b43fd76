package io.chartlint.rules.inventory;

import io.chartlint.core.scheduling.InventoryNode;
import io.chartlint.core.scheduling.NodeGroup;
import io.chartlint.core.scheduling.NodeInventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Groups an inventory's nodes into pools by the first pool label each node carries. */
final class NodePools {
  /**
   * The labels managed node groups carry, most specific first; the instance type stands in for a
   * pool where none of them is set.
   */
  static final List<String> DEFAULT_LABELS =
      List.of(
          "eks.amazonaws.com/nodegroup",
          "karpenter.sh/nodepool",
          "cloud.google.com/gke-nodepool",
          "kubernetes.azure.com/agentpool",
          "node.kubernetes.io/instance-type");

  static final String POOL_LABELS = "poolLabels";

  private NodePools() {}

  /**
   * The nodes of one pool that the pod does not run on.
   *
   * @param pool {@code label=value}, or {@code node <name>} for a node without a pool label
   * @param nodes how many nodes the pool has
   * @param missed how many of them the pod does not run on
   * @param reasons why, each reason once, in the order first met
   */
  record Miss(String pool, int nodes, int missed, Set<String> reasons) {
    String describe() {
      String count =
          nodes == 1
              ? "1 node"
              : missed == nodes ? nodes + " nodes" : missed + " of " + nodes + " nodes";
      return pool + " (" + count + "): " + String.join("; ", reasons);
    }
  }

  static List<String> labels(List<String> configured) {
    return configured == null ? DEFAULT_LABELS : configured;
  }

  /** The pools with nodes the pod does not run on, in inventory order of their first node. */
  static List<Miss> misses(List<NodeGroup> groups, NodeInventory inventory, List<String> labels) {
    return misses(groups, inventory, labels, node -> null);
  }

  /**
   * {@link #misses(List, NodeInventory, List)}, where the nodes the scheduler admits the pod on
   * also count as missed when {@code notRun} gives a reason the pod does not run there.
   */
  static List<Miss> misses(
      List<NodeGroup> groups,
      NodeInventory inventory,
      List<String> labels,
      Function<InventoryNode, String> notRun) {
    NodeInventory.Pools pools = inventory.pools(labels);
    Map<String, int[]> missed = new LinkedHashMap<>();
    Map<String, Set<String>> reasons = new LinkedHashMap<>();
    for (NodeGroup group : groups) {
      if (group.fit().fits()) {
        for (InventoryNode node : group.nodes()) {
          String why = notRun.apply(node);
          if (why != null) {
            String pool = pools.poolOf().get(node);
            missed.computeIfAbsent(pool, k -> new int[1])[0]++;
            reasons.computeIfAbsent(pool, k -> new LinkedHashSet<>()).add(why);
          }
        }
        continue;
      }
      List<String> why = group.fit().reasons();
      for (InventoryNode node : group.nodes()) {
        String pool = pools.poolOf().get(node);
        missed.computeIfAbsent(pool, k -> new int[1])[0]++;
        reasons.computeIfAbsent(pool, k -> new LinkedHashSet<>()).addAll(why);
      }
    }
    List<Miss> misses = new ArrayList<>();
    for (String pool : pools.sizes().keySet()) {
      int[] count = missed.get(pool);
      if (count != null) {
        misses.add(new Miss(pool, pools.sizes().get(pool), count[0], reasons.get(pool)));
      }
    }
    return misses;
  }
}
