package io.chartlint.core.scheduling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Schedules one pod onto the nodes of an inventory with every filter a manifest decides: the
 * scheduler's NodeAffinity, TaintToleration and NodeResourcesFit on an empty node, and the
 * kubelet's admission check of {@code spec.os.name}.
 */
public final class NodeFilters {
  private NodeFilters() {}

  /**
   * A function from node to outcome for one pod; what depends on the pod alone is worked out once.
   *
   * @param podOs {@code spec.os.name}, or null when unset
   */
  public static Function<InventoryNode, NodeFit> forPod(
      PodPlacement placement, PodResources resources, String podOs) {
    Function<SimulatedNode, Fit> fitter = Scheduling.fitter(placement, false);
    ResourceList request = resources.requests();
    return node -> {
      Fit fit = fitter.apply(node.node());
      List<ResourceFit.Insufficient> missing =
          node.knowsAllocatable()
              ? ResourceFit.insufficient(
                      request, node.allocatable(), ResourceList.EMPTY, 0, Set.of())
                  .stream()
                  .filter(insufficient -> known(node, insufficient.resource()))
                  .toList()
              : List.of();
      return new NodeFit(node, fit, missing, osMismatch(podOs, node));
    };
  }

  /**
   * Schedules the pod onto every node of the inventory, a group of equivalent nodes at a time.
   *
   * @param podOs {@code spec.os.name}, or null when unset
   */
  public static List<NodeGroup> schedule(
      PodPlacement placement, PodResources resources, String podOs, NodeInventory inventory) {
    return schedule(placement, resources.requests(), podOs, inventory);
  }

  static List<NodeGroup> schedule(
      PodPlacement placement, ResourceList request, String podOs, NodeInventory inventory) {
    if (inventory.isEmpty()) {
      return List.of();
    }
    Function<SimulatedNode, Fit> fitter = Scheduling.fitter(placement, false);
    List<ResourceList> allocatables = inventory.allocatables();
    List<List<ResourceFit.Insufficient>> missing = new ArrayList<>(allocatables.size());
    for (int i = 0; i < allocatables.size(); i++) {
      missing.add(null);
    }
    List<NodeGroup> groups = new ArrayList<>();
    for (NodeInventory.Cell cell : inventory.cells(labelKeys(placement))) {
      Fit fit = fitter.apply(cell.representative().node());
      String os = osMismatch(podOs, cell.representative());
      for (NodeInventory.Slice slice : cell.slices()) {
        List<ResourceFit.Insufficient> lacking = missing.get(slice.allocatable());
        if (lacking == null) {
          lacking = insufficient(request, slice.nodes().get(0));
          missing.set(slice.allocatable(), lacking);
        }
        groups.add(
            new NodeGroup(new NodeFit(slice.nodes().get(0), fit, lacking, os), slice.nodes()));
      }
    }
    return groups;
  }

  /**
   * The node label keys the placement looks at, {@code kubernetes.io/os} always among them; null
   * when it looks at node names too.
   */
  static Set<String> labelKeys(PodPlacement placement) {
    Set<String> keys = new HashSet<>(placement.nodeSelector().keySet());
    keys.add(InventoryNode.OS_LABEL);
    if (placement.requiredTerms() != null) {
      for (NodeSelectorTerm term : placement.requiredTerms()) {
        if (!term.matchFields().isEmpty()) {
          return null;
        }
        for (NodeSelectorRequirement requirement : term.matchExpressions()) {
          keys.add(requirement.key());
        }
      }
    }
    return keys;
  }

  private static List<ResourceFit.Insufficient> insufficient(
      ResourceList request, InventoryNode node) {
    if (!node.knowsAllocatable()) {
      return List.of();
    }
    return ResourceFit.insufficient(request, node.allocatable(), ResourceList.EMPTY, 0, Set.of())
        .stream()
        .filter(insufficient -> known(node, insufficient.resource()))
        .toList();
  }

  /**
   * Whether the node's manifest says how much of a resource it has. Every kubelet reports cpu,
   * memory, ephemeral-storage and pods, so a manifest without one was trimmed by hand, and that
   * resource is not judged; an extended resource a node does not list is one it has none of.
   */
  private static boolean known(InventoryNode node, String resource) {
    boolean alwaysReported =
        List.of(
                ResourceList.CPU,
                ResourceList.MEMORY,
                ResourceList.EPHEMERAL_STORAGE,
                ResourceList.PODS)
            .contains(resource);
    return !alwaysReported || node.allocatable().has(resource);
  }

  /**
   * The kubelet rejects a pod whose {@code spec.os.name} is not its own operating system ({@code
   * rejectPodAdmissionBasedOnOSField} in {@code pkg/kubelet/lifecycle/predicate.go}); the node's
   * {@code kubernetes.io/os} label is that operating system.
   */
  static String osMismatch(String podOs, InventoryNode node) {
    String nodeOs = node.node().labels().get(InventoryNode.OS_LABEL);
    if (podOs == null || podOs.isEmpty() || nodeOs == null || podOs.equals(nodeOs)) {
      return null;
    }
    return "spec.os.name " + podOs + " on a " + nodeOs + " node (the kubelet rejects the pod)";
  }
}
