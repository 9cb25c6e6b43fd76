package io.chartlint.core.scheduling;

import java.util.List;

/**
 * Nodes of an inventory that give a pod the same answer.
 *
 * @param fit the answer, decided on the first of the nodes
 * @param nodes the nodes
 */
public record NodeGroup(NodeFit fit, List<InventoryNode> nodes) {}
