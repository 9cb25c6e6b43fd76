package io.chartlint.core.model;

import io.chartlint.core.scheduling.InventoryNode;
import io.chartlint.core.scheduling.PodResources;
import io.chartlint.core.scheduling.ResourceList;
import io.chartlint.core.scheduling.SimulatedNode;
import io.chartlint.core.scheduling.Taint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads what the resource filters need from manifests: a pod template's requests and a Node's
 * labels, taints and allocatable.
 */
public final class SchedulingInputs {
  private SchedulingInputs() {}

  /**
   * The requests of a pod template after the API server's defaulting: a container limit without a
   * request of the same resource is copied into the request ({@code SetDefaults_Pod}, {@code
   * pkg/apis/core/v1/defaults.go}), and so is a pod-level limit ({@code SetDefaults_PodSpec}).
   * Quantities the API server would reject are left out; {@code resource-quantity-invalid} reports
   * them. Read once per pod template and shared by the rules that ask.
   */
  public static PodResources resources(PodTemplate pod) {
    return pod.derived(PodResources.class, SchedulingInputs::readResources);
  }

  private static PodResources readResources(PodTemplate pod) {
    List<ResourceList> containers = new ArrayList<>();
    for (Container container : pod.containers()) {
      containers.add(requests(container.resources()));
    }
    List<PodResources.InitContainer> inits = new ArrayList<>();
    for (Container container : pod.initContainers()) {
      inits.add(
          new PodResources.InitContainer(requests(container.resources()), container.isSidecar()));
    }
    return new PodResources(containers, inits, requests(pod.podResources()), list(pod.overhead()));
  }

  /** {@code spec.os.name}, or null. */
  public static String os(PodTemplate pod) {
    return YamlNodes.text(YamlNodes.get(pod.field("os"), "name"));
  }

  private static ResourceList requests(Node resources) {
    ResourceList requests = list(YamlNodes.get(resources, "requests"));
    ResourceList limits = list(YamlNodes.get(resources, "limits"));
    for (Map.Entry<String, BigDecimal> limit : limits.amounts().entrySet()) {
      if (!requests.has(limit.getKey())) {
        requests = requests.with(limit.getKey(), limit.getValue());
      }
    }
    return requests;
  }

  /** A resource list mapping; entries that are not valid quantities are skipped. */
  public static ResourceList list(Node mapping) {
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    for (NodeTuple entry : YamlNodes.entries(mapping)) {
      String name = YamlNodes.text(entry.getKeyNode());
      Quantity quantity = quantity(entry.getValueNode());
      if (name != null && quantity != null) {
        amounts.put(name, quantity.value());
      }
    }
    return new ResourceList(amounts);
  }

  private static Quantity quantity(Node node) {
    if (YamlNodes.isNull(node)) {
      return Quantity.zero();
    }
    if (!(node instanceof ScalarNode scalar)) {
      return null;
    }
    try {
      return scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
          ? Quantity.ofYamlNumber(scalar.getValue())
          : Quantity.parse(scalar.getValue().strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A Node manifest as the filters see it. */
  public static InventoryNode node(KubeObject node) {
    List<Taint> taints = new ArrayList<>();
    for (Node taint : YamlNodes.items(YamlNodes.at(node.root(), "spec.taints"))) {
      taints.add(
          new Taint(
              YamlNodes.text(YamlNodes.get(taint, "key")),
              YamlNodes.text(YamlNodes.get(taint, "value")),
              YamlNodes.text(YamlNodes.get(taint, "effect"))));
    }
    String unschedulable = "node.kubernetes.io/unschedulable";
    if (YamlNodes.isTrue(YamlNodes.at(node.root(), "spec.unschedulable"))
        && taints.stream().noneMatch(t -> t.key().equals(unschedulable))) {
      // pkg/scheduler/framework/plugins/nodeunschedulable: a cordoned node is treated as carrying
      // this taint, which the DaemonSet controller's tolerations cover
      taints.add(new Taint(unschedulable, "", Taint.NO_SCHEDULE));
    }
    return new InventoryNode(
        new SimulatedNode(node.name(), node.labels(), node.annotations(), taints),
        list(YamlNodes.at(node.root(), "status.allocatable")));
  }
}
