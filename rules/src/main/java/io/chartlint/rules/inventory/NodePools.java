package io.chartlint.rules.inventory;

import io.chartlint.core.scheduling.InventoryNode;
import io.chartlint.core.scheduling.NodeFit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
   * @param reasons why, each reason once, in the order first met
   */
  record Miss(String pool, int nodes, int missed, Set<String> reasons) {
    String describe() {
      return pool
          + " ("
          + (nodes == 1 ? "1 node" : missed == nodes ? nodes + " nodes" : missed + " of " + nodes + " nodes")
          + "): "
          + String.join("; ", reasons);
    }
  }

  static List<String> labels(List<String> configured) {
    return configured == null ? DEFAULT_LABELS : configured;
  }

  static String poolOf(InventoryNode node, List<String> labels) {
    for (String label : labels) {
      String value = node.node().labels().get(label);
      if (value != null) {
        return label + "=" + value;
      }
    }
    return "node " + node.name();
  }

  /** The pools with nodes the pod does not run on, in inventory order. */
  static List<Miss> misses(List<NodeFit> fits, List<String> labels) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Set<String>> reasons = new LinkedHashMap<>();
    for (NodeFit fit : fits) {
      String pool = poolOf(fit.node(), labels);
      int[] count = counts.computeIfAbsent(pool, k -> new int[2]);
      count[0]++;
      if (!fit.fits()) {
        count[1]++;
        reasons.computeIfAbsent(pool, k -> new LinkedHashSet<>()).addAll(fit.reasons());
      }
    }
    List<Miss> misses = new ArrayList<>();
    counts.forEach(
        (pool, count) -> {
          if (count[1] > 0) {
            misses.add(new Miss(pool, count[0], count[1], reasons.get(pool)));
          }
        });
    return misses;
  }
}
