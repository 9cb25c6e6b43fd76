package io.chartlint.rules.inventory;

import io.chartlint.core.model.InterPodInputs;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.Replicas;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.scheduling.InterPodAffinity;
import io.chartlint.core.scheduling.InventoryNode;
import io.chartlint.core.scheduling.NodeGroup;
import io.chartlint.core.scheduling.NodeInventory;
import io.chartlint.core.scheduling.PodAffinityTerm;
import io.chartlint.core.scheduling.PodInfo;
import io.chartlint.core.scheduling.PodTopologySpread;
import io.chartlint.core.scheduling.Schedule;
import io.chartlint.core.scheduling.SimulatedNode;
import io.chartlint.core.scheduling.SpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Places a workload's replicas one after another on the nodes of the inventory that admit its pod,
 * with the scheduler's InterPodAffinity and PodTopologySpread filters counting the replicas already
 * placed, and finds how many fit.
 *
 * <p>Only the workload's own replicas are counted: the pods of other workloads, of this input or
 * running in the cluster, are unknown. Leaving them out can only let more replicas in, so a
 * shortfall found here is one the real cluster has too. Required pod affinity to other workloads'
 * pods is assumed satisfiable wherever the node carries the term's topology key; resources are not
 * used up by the replicas placed.
 */
final class ReplicaPlacement {
  /** More replicas than this are not placed one by one; the first this many are. */
  static final int MAX_SIMULATED = 200;

  private static final Set<String> REPLICATED = Set.of("Deployment", "StatefulSet", "ReplicaSet");

  private ReplicaPlacement() {}

  /**
   * Whether the pod spec writes required pod (anti-)affinity or topology spread constraints at all:
   * without them every replica fits wherever the pod does, and reading the pod's labels and terms
   * into a {@link PodInfo} would be wasted on most workloads.
   */
  private static boolean mayConstrainReplicas(PodTemplate pod) {
    Node affinity = pod.field("affinity");
    String required = "requiredDuringSchedulingIgnoredDuringExecution";
    return pod.field("topologySpreadConstraints") != null
        || YamlNodes.get(YamlNodes.get(affinity, "podAffinity"), required) != null
        || YamlNodes.get(YamlNodes.get(affinity, "podAntiAffinity"), required) != null;
  }

  /**
   * Replicas that cannot all be scheduled.
   *
   * @param wanted {@code spec.replicas}
   * @param placed how many the filters let in
   * @param admitting how many nodes admit the pod on their own
   * @param why each failing reason with the number of admitting nodes it keeps the next replica off
   * @param where the field the finding belongs to
   */
  record Shortfall(int wanted, int placed, int admitting, List<String> why, Node where) {}

  static Shortfall shortfall(
      KubeObject object, PodTemplate pod, Schedule schedule, NodeInventory inventory) {
    if (!REPLICATED.contains(object.kind()) || !mayConstrainReplicas(pod)) {
      return null; // most workloads: nothing below can keep a replica off an admitting node
    }
    // A count the API server rejects creates no replicas to place.
    int replicas = Replicas.of(object).orElse(0);
    if (replicas < 1) {
      return null;
    }
    PodInfo own = InterPodInputs.pod(pod, object.namespace());
    boolean spreads = own.spreadConstraints().stream().anyMatch(SpreadConstraint::doNotSchedule);
    if (own.requiredAntiAffinity().isEmpty() && own.requiredAffinity().isEmpty() && !spreads) {
      return null;
    }
    Function<String, Map<String, String>> namespaceLabels = ReplicaPlacement::namespaceLabels;
    // A group affine to itself is placed with its affinity; affinity to other workloads' pods is
    // assumed met wherever the node has the keys, since those pods may run anywhere.
    boolean selfAffine = !own.requiredAffinity().isEmpty();
    for (PodAffinityTerm term : own.requiredAffinity()) {
      selfAffine &= term.resolve(own).matches(own, namespaceLabels.apply(own.namespace()));
    }
    PodInfo simulated = selfAffine ? own : own.withAffinity(List.of(), own.requiredAntiAffinity());
    Set<String> affinityKeys = new LinkedHashSet<>();
    own.requiredAffinity().forEach(term -> affinityKeys.add(term.topologyKey()));

    List<SimulatedNode> admitting = new ArrayList<>();
    for (NodeGroup group : schedule.groups()) {
      if (group.fit().fits()) {
        group.nodes().forEach(node -> admitting.add(node.node()));
      }
    }
    List<SimulatedNode> all = inventory.derived(ReplicaPlacement.class, ReplicaPlacement::nodes);
    Map<String, SimulatedNode> byName = new LinkedHashMap<>();
    all.forEach(node -> byName.put(node.name(), node));
    PodTopologySpread.Prepared spread = PodTopologySpread.prepare(simulated, all);

    List<PodInfo> placed = new ArrayList<>();
    int target = Math.min(replicas, MAX_SIMULATED);
    while (placed.size() < target) {
      InterPodAffinity.State affinity =
          InterPodAffinity.preFilter(simulated, placed, byName, namespaceLabels);
      PodTopologySpread.State spreading = spread.preFilter(placed);
      Map<String, Integer> reasons = new LinkedHashMap<>();
      SimulatedNode chosen = null;
      for (SimulatedNode node : admitting) {
        String reason = null;
        if (!selfAffine && !node.labels().keySet().containsAll(affinityKeys)) {
          reason = "node(s) lack the topology key of required pod affinity";
        } else if (affinity.filter(node) != InterPodAffinity.Outcome.FITS) {
          reason = affinity.filter(node).reason();
        } else if (spreading.filter(node) != PodTopologySpread.Outcome.FITS) {
          reason = spreading.filter(node).reason();
        }
        if (reason == null) {
          chosen = node;
          break;
        }
        reasons.merge(reason, 1, Integer::sum);
      }
      if (chosen == null) {
        List<String> why = new ArrayList<>();
        reasons.forEach((reason, count) -> why.add(count + " " + reason));
        boolean spreadReason = reasons.keySet().stream().anyMatch(r -> r.contains("spread"));
        Node where =
            YamlNodes.keyNode(pod.spec(), spreadReason ? "topologySpreadConstraints" : "affinity");
        return new Shortfall(
            replicas, placed.size(), admitting.size(), why, where != null ? where : pod.spec());
      }
      placed.add(simulated.onNode(chosen.name()));
    }
    return null;
  }

  /**
   * The labels every namespace carries ({@code kubernetes.io/metadata.name}, set by the API server
   * since 1.22); others are not known without the cluster, so a {@code namespaceSelector} on them
   * selects no pod here.
   */
  private static Map<String, String> namespaceLabels(String namespace) {
    return namespace.isEmpty() ? Map.of() : Map.of("kubernetes.io/metadata.name", namespace);
  }

  private static List<SimulatedNode> nodes(NodeInventory inventory) {
    return inventory.nodes().stream().map(InventoryNode::node).toList();
  }
}
