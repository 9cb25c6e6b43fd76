package io.chartlint.core.inventory;

import java.util.Map;

/**
 * The fields of a Node manifest that chartlint reads, and nothing else: what identifies the object,
 * what placement looks at and what resource fit counts.
 */
final class NodeFields {
  private NodeFields() {}

  /**
   * A Node: {@code apiVersion} and {@code kind}; its name, labels and annotations (the virtual node
   * catalogue recognises a node type by them); its taints and {@code unschedulable} (the scheduler
   * treats a cordoned node as tainted); and {@code status.allocatable}, what the resource filter
   * compares requests with. Not {@code status.capacity}: the scheduler never reads it.
   */
  static final Fields NODE =
      Fields.of(
          Map.of(
              "apiVersion", Fields.ALL,
              "kind", Fields.ALL,
              "metadata",
                  Fields.of(
                      Map.of("name", Fields.ALL, "labels", Fields.ALL, "annotations", Fields.ALL)),
              "spec", Fields.of(Map.of("taints", Fields.ALL, "unschedulable", Fields.ALL)),
              "status", Fields.of(Map.of("allocatable", Fields.ALL))));

  /**
   * A document of a nodes file: a Node, or a List of them ({@code kubectl get nodes -o yaml}),
   * whose {@code kind} may come after its {@code items}, so both are read until the document says
   * which it is.
   */
  static final Fields DOCUMENT = NODE.with("items", NODE);
}
