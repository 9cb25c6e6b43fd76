package io.chartlint.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scheduling onto groups of equivalent nodes gives every node the answer it gets alone, whatever
 * the pod looks at: labels in or out of the groups' keys, node names, taints, allocatable.
 */
class NodeInventoryTest {
  private static InventoryNode node(int i) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", "node-" + i);
    labels.put("kubernetes.io/os", i % 7 == 0 ? "windows" : "linux");
    labels.put("pool", "pool-" + i % 5);
    labels.put("topology.kubernetes.io/zone", "zone-" + i % 3);
    List<Taint> taints =
        i % 5 == 0 ? List.of(new Taint("dedicated", "gpu", Taint.NO_SCHEDULE)) : List.of();
    ResourceList allocatable =
        ResourceList.of("cpu", i % 2 == 0 ? "2" : "8", "memory", "8000000000", "pods", "110");
    return new InventoryNode(new SimulatedNode("node-" + i, labels, Map.of(), taints), allocatable);
  }

  private static final NodeInventory INVENTORY;

  static {
    List<InventoryNode> nodes = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      nodes.add(node(i));
    }
    INVENTORY = new NodeInventory(nodes);
  }

  private static void assertSameAsNodeByNode(PodPlacement placement, PodResources resources) {
    Map<String, Boolean> grouped = new LinkedHashMap<>();
    Map<String, List<String>> groupedReasons = new LinkedHashMap<>();
    for (NodeGroup group : NodeFilters.schedule(placement, resources, "linux", INVENTORY)) {
      for (InventoryNode node : group.nodes()) {
        grouped.put(node.name(), group.fit().fits());
        groupedReasons.put(node.name(), group.fit().reasons());
      }
    }
    var alone = NodeFilters.forPod(placement, resources, "linux");
    for (InventoryNode node : INVENTORY.nodes()) {
      NodeFit fit = alone.apply(node);
      assertThat(grouped.get(node.name())).as(node.name()).isEqualTo(fit.fits());
      assertThat(groupedReasons.get(node.name())).as(node.name()).isEqualTo(fit.reasons());
    }
  }

  private static final PodResources THREE_CORES =
      new PodResources(List.of(ResourceList.of("cpu", "3")), List.of(), null, null);

  @Test
  void aNodeSelectorOnAPoolLabel() {
    assertSameAsNodeByNode(
        new PodPlacement(Map.of("pool", "pool-1"), null, List.of(), false, false), THREE_CORES);
  }

  @Test
  void aToleratedTaintAndAZoneTerm() {
    assertSameAsNodeByNode(
        new PodPlacement(
            Map.of(),
            List.of(
                NodeSelectorTerm.ofExpressions(
                    NodeSelectorRequirement.of("topology.kubernetes.io/zone", "In", "zone-1"))),
            List.of(Toleration.of("dedicated", "Exists", "", "NoSchedule")),
            true,
            false),
        PodResources.NONE);
  }

  @Test
  void aHostnameSelectorSplitsEveryNode() {
    assertSameAsNodeByNode(
        new PodPlacement(Map.of("kubernetes.io/hostname", "node-3"), null, List.of(), false, false),
        THREE_CORES);
  }

  @Test
  void matchFieldsOnNodeNames() {
    assertSameAsNodeByNode(
        new PodPlacement(
            Map.of(),
            List.of(
                new NodeSelectorTerm(
                    List.of(),
                    List.of(NodeSelectorRequirement.of("metadata.name", "In", "node-9")))),
            List.of(),
            false,
            false),
        PodResources.NONE);
  }

  @Test
  void aThousandNodesInFiftyPoolsFormFewGroups() {
    List<InventoryNode> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      nodes.add(node(i));
    }
    NodeInventory inventory = new NodeInventory(nodes);
    assertThat(inventory.cells(java.util.Set.of("pool", "kubernetes.io/os"))).hasSizeLessThan(40);
  }

  @Test
  void podsTheFiltersCannotTellApartShareOneScheduleAndOthersDoNot() {
    NodeInventory inventory = new NodeInventory(INVENTORY.nodes());
    PodPlacement onPool1 =
        new PodPlacement(Map.of("pool", "pool-1"), null, List.of(), false, false);
    Schedule first = inventory.schedule(onPool1, THREE_CORES, null);
    Schedule again =
        inventory.schedule(
            new PodPlacement(Map.of("pool", "pool-1"), null, List.of(), false, false),
            new PodResources(List.of(ResourceList.of("cpu", "3")), List.of(), null, null),
            null);
    assertThat(again).isSameAs(first);
    // another pool, other requests, another os: each its own answer
    Schedule otherPool =
        inventory.schedule(
            new PodPlacement(Map.of("pool", "pool-2"), null, List.of(), false, false),
            THREE_CORES,
            null);
    assertThat(otherPool).isNotSameAs(first);
    assertThat(inventory.schedule(onPool1, THREE_CORES, "windows")).isNotSameAs(first);
    PodResources nineCores =
        new PodResources(List.of(ResourceList.of("cpu", "9")), List.of(), null, null);
    Schedule tooBig = inventory.schedule(onPool1, nineCores, null);
    assertThat(first.anyFits()).isTrue();
    assertThat(tooBig.anyFits()).isFalse();
    assertThat(tooBig.anyAdmitted()).isTrue();
  }

  @Test
  void theScheduleCacheStaysBoundedAndStillAnswersRight() {
    NodeInventory inventory = new NodeInventory(INVENTORY.nodes());
    for (int i = 0; i < NodeInventory.MAX_SCHEDULES * 2; i++) {
      PodPlacement placement =
          new PodPlacement(Map.of("pool", "pool-" + i), null, List.of(), false, false);
      Schedule schedule = inventory.schedule(placement, THREE_CORES, null);
      // pools 0-4 exist; the others admit no node
      assertThat(schedule.anyFits()).as("pool-" + i).isEqualTo(i >= 1 && i <= 4);
    }
  }
}
