package io.chartlint.core.scheduling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node the pod is scheduled onto in simulation: what the scheduler looks at (name, labels,
 * taints) and the annotations that say where the node comes from.
 */
public record SimulatedNode(
    String name, Map<String, String> labels, Map<String, String> annotations, List<Taint> taints) {

  public SimulatedNode {
    name = name == null ? "" : name;
    labels = copy(labels);
    annotations = copy(annotations);
    taints = taints == null ? List.of() : List.copyOf(taints);
  }

  /**
   * The fields {@code matchFields} can see: only {@code metadata.name}, and nothing at all when the
   * node has no name.
   */
  public Map<String, String> fields() {
    // component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go: extractNodeFields
    return name.isEmpty() ? Map.of() : Map.of(NodeSelectorRequirement.NODE_NAME_FIELD, name);
  }

  static Map<String, String> copy(Map<String, String> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
