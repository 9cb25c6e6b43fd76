package io.chartlint.core.scheduling;

/**
 * A node of a real cluster's inventory: what the placement filters look at, and what it can give to
 * pods.
 *
 * @param node name, labels, annotations and taints
 * @param allocatable {@code status.allocatable}; empty when the manifest has none, and then only
 *     the placement filters are applied
 */
public record InventoryNode(SimulatedNode node, ResourceList allocatable) {
  /** {@code kubernetes.io/os}, set by the kubelet from its own {@code runtime.GOOS}. */
  public static final String OS_LABEL = "kubernetes.io/os";

  public static final String ARCH_LABEL = "kubernetes.io/arch";

  public InventoryNode {
    allocatable = allocatable == null ? ResourceList.EMPTY : allocatable;
  }

  public String name() {
    return node.name();
  }

  /** Whether the manifest says what the node can give, so resource fit can be judged. */
  public boolean knowsAllocatable() {
    return !allocatable.isEmpty();
  }
}
