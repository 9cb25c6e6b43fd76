package io.chartlint.core.scheduling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code matchExpressions} that keep a pod off kinds of nodes. Each kind of node is excluded by
 * one requirement (a {@code NotIn} or {@code DoesNotExist} on a label every such node carries); an
 * exclusion only works when it is in every required term, because terms are ORed.
 */
public final class Exclusions {
  private Exclusions() {}

  /**
   * Merges exclusions per key, in the order the keys first appear: the values of {@code NotIn}
   * requirements on one key are joined ({@code type NotIn [virtual-kubelet, kwok]}), a {@code
   * DoesNotExist} on a key replaces any {@code NotIn} on it (it excludes every value), and other
   * requirements are kept once each.
   */
  public static List<NodeSelectorRequirement> merge(
      Collection<NodeSelectorRequirement> exclusions) {
    Map<String, Set<String>> notIn = new LinkedHashMap<>();
    Set<String> doesNotExist = new LinkedHashSet<>();
    List<Object> order = new ArrayList<>();
    for (NodeSelectorRequirement exclusion : exclusions) {
      String key = exclusion.key();
      switch (exclusion.operator()) {
        case NodeSelectorRequirement.NOT_IN -> {
          if (!notIn.containsKey(key) && !doesNotExist.contains(key)) {
            order.add(key);
          }
          notIn.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(exclusion.values());
        }
        case NodeSelectorRequirement.DOES_NOT_EXIST -> {
          if (!notIn.containsKey(key) && !doesNotExist.contains(key)) {
            order.add(key);
          }
          doesNotExist.add(key);
        }
        default -> {
          if (!order.contains(exclusion)) {
            order.add(exclusion);
          }
        }
      }
    }
    List<NodeSelectorRequirement> merged = new ArrayList<>();
    for (Object entry : order) {
      if (entry instanceof NodeSelectorRequirement requirement) {
        merged.add(requirement);
      } else {
        String key = (String) entry;
        merged.add(
            doesNotExist.contains(key)
                ? new NodeSelectorRequirement(
                    key, NodeSelectorRequirement.DOES_NOT_EXIST, List.of())
                : new NodeSelectorRequirement(
                    key, NodeSelectorRequirement.NOT_IN, List.copyOf(notIn.get(key))));
      }
    }
    return List.copyOf(merged);
  }

  /**
   * Whether a term holding this requirement can never select the node: the node's labels fail it,
   * or it does not parse.
   */
  public static boolean excludes(NodeSelectorRequirement exclusion, SimulatedNode node) {
    return !exclusion.labelParseErrors().isEmpty() || !exclusion.matchesLabels(node.labels());
  }

  /**
   * The part of the exclusions a term still lacks: an exclusion is already there when the term has
   * a {@code DoesNotExist} on its key, and a {@code NotIn} keeps only the values no {@code NotIn}
   * of the term on that key lists.
   */
  public static List<NodeSelectorRequirement> missingFrom(
      NodeSelectorTerm term, Collection<NodeSelectorRequirement> exclusions) {
    List<NodeSelectorRequirement> missing = new ArrayList<>();
    for (NodeSelectorRequirement exclusion : merge(exclusions)) {
      boolean keyGone =
          term.matchExpressions().stream()
              .anyMatch(
                  expression ->
                      expression.key().equals(exclusion.key())
                          && NodeSelectorRequirement.DOES_NOT_EXIST.equals(expression.operator()));
      if (keyGone) {
        continue;
      }
      if (NodeSelectorRequirement.NOT_IN.equals(exclusion.operator())) {
        Set<String> values = new LinkedHashSet<>(exclusion.values());
        term.matchExpressions().stream()
            .filter(expression -> expression.key().equals(exclusion.key()))
            .filter(expression -> NodeSelectorRequirement.NOT_IN.equals(expression.operator()))
            .forEach(expression -> values.removeAll(expression.values()));
        if (!values.isEmpty()) {
          missing.add(
              new NodeSelectorRequirement(
                  exclusion.key(), NodeSelectorRequirement.NOT_IN, List.copyOf(values)));
        }
      } else if (!term.matchExpressions().contains(exclusion)) {
        missing.add(exclusion);
      }
    }
    return List.copyOf(missing);
  }
}
