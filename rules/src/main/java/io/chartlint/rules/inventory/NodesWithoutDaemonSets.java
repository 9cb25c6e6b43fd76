package io.chartlint.rules.inventory;

import io.chartlint.core.scheduling.InventoryNode;
import java.util.Map;

/**
 * Nodes that the scheduler may place a DaemonSet pod on but that never run one, recognised by the
 * label their platform sets; the reason names the platform.
 */
final class NodesWithoutDaemonSets {
  private NodesWithoutDaemonSets() {}

  /**
   * Label, value and why. EKS Fargate nodes carry {@code eks.amazonaws.com/compute-type=fargate}
   * and Fargate rejects DaemonSet pods (EKS "Fargate considerations": "DaemonSets aren't supported
   * on Fargate"); Azure Virtual Nodes v2 on ACI carry {@code virtualization=virtualnode2} and list
   * DaemonSets among their hard limitations (microsoft/virtualnodesOnAzureContainerInstances
   * README). Other virtual-kubelet nodes are left to {@code node-bound-workload-on-virtual-node}:
   * whether their provider runs a DaemonSet pod depends on the provider.
   */
  private static final Map<String, Map.Entry<String, String>> PLATFORMS =
      Map.of(
          "eks.amazonaws.com/compute-type",
          Map.entry("fargate", "EKS Fargate runs no DaemonSet pods"),
          "virtualization",
          Map.entry("virtualnode2", "Azure Virtual Nodes on ACI run no DaemonSet pods"));

  /** Why the node runs no DaemonSet pod, or null when it may. */
  static String reason(InventoryNode node) {
    for (Map.Entry<String, Map.Entry<String, String>> platform : PLATFORMS.entrySet()) {
      String value = node.node().labels().get(platform.getKey());
      if (platform.getValue().getKey().equals(value)) {
        return platform.getValue().getValue() + " (a tolerated taint does not change that)";
      }
    }
    return null;
  }
}
