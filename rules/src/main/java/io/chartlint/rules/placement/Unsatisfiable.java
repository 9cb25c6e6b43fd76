package io.chartlint.rules.placement;

import io.chartlint.core.model.NodeSelectorTermNode;
import io.chartlint.core.model.NodeSelectorTermNode.Requirement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether required node affinity, together with {@code nodeSelector}, can match any node at all.
 * This is satisfiability over the label constraints, not matching against a node: a term is
 * unmatchable when no set of node labels satisfies it.
 */
final class Unsatisfiable {
  private static final String NAME_FIELD = "metadata.name";

  private Unsatisfiable() {}

  /**
   * One reason per term when no term can match any node (the pod can never be scheduled); empty
   * when at least one term can match. Terms are assumed to have passed API validation.
   */
  static Optional<List<String>> reasons(
      Map<String, String> nodeSelector, List<NodeSelectorTermNode> terms) {
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    for (NodeSelectorTermNode term : terms) {
      Optional<String> reason = reason(nodeSelector, term);
      if (reason.isEmpty()) {
        return Optional.empty();
      }
      reasons.add("term " + term.index() + " " + reason.get());
    }
    return Optional.of(reasons);
  }

  private static Optional<String> reason(
      Map<String, String> nodeSelector, NodeSelectorTermNode term) {
    // component-helpers nodeaffinity.go: "nil or empty term selects no objects".
    if (term.isEmpty()) {
      return Optional.of("is empty, and an empty term matches no node");
    }
    Map<String, KeyState> states = new LinkedHashMap<>();
    // nodeaffinity.go NewRequiredNodeAffinity: nodeSelector and the affinity must both match, so
    // each nodeSelector pair is one more requirement of every term.
    nodeSelector.forEach(
        (key, value) ->
            states
                .computeIfAbsent(key, KeyState::new)
                .in(Set.of(value), "nodeSelector " + key + "=" + value));
    for (Requirement rq : term.matchExpressions()) {
      KeyState state = states.computeIfAbsent(rq.key(), KeyState::new);
      String source = "'" + rq.key() + " " + rq.operator() + " " + rq.values() + "'";
      switch (rq.operator()) {
        case "In" -> state.in(new HashSet<>(rq.values()), source);
        case "NotIn" -> state.notIn(rq.values(), source);
        case "Exists" -> state.exists(source);
        case "DoesNotExist" -> state.doesNotExist(source);
        case "Gt", "Lt" -> {
          // labels.NewRequirement: "for 'Gt', 'Lt' operators, the value must be an integer"; a term
          // with a parse error never matches.
          Long bound = parseInt64(rq.values().isEmpty() ? "" : rq.values().get(0));
          if (bound == null) {
            return Optional.of(
                "requires "
                    + source
                    + ", whose value is not an integer, so the term never matches");
          }
          state.bound(rq.operator().equals("Gt"), bound, source);
        }
        default -> {
          return Optional.of("has the invalid operator in " + source + " and never matches");
        }
      }
    }
    for (Requirement rq : term.matchFields()) {
      KeyState state = states.computeIfAbsent("field " + NAME_FIELD, KeyState::new);
      String source = "'" + rq.key() + " " + rq.operator() + " " + rq.values() + "' (matchFields)";
      state.exists(source);
      if (rq.operator().equals("In")) {
        state.in(new HashSet<>(rq.values()), source);
      } else {
        state.notIn(rq.values(), source);
      }
    }
    for (KeyState state : states.values()) {
      if (!state.satisfiable()) {
        boolean bySelector = state.sources.stream().anyMatch(s -> s.startsWith("nodeSelector "));
        return Optional.of(
            (bySelector ? "is contradicted by nodeSelector: " : "contradicts itself: ")
                + String.join(" and ", state.sources)
                + " cannot all hold");
      }
    }
    return Optional.empty();
  }

  private static Long parseInt64(String text) {
    // Go strconv.ParseInt(s, 10, 64): optional sign, decimal digits, no spaces or underscores.
    if (!text.matches("[+-]?[0-9]+")) {
      return null;
    }
    try {
      return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** What one term, with nodeSelector, demands of one label key. */
  private static final class KeyState {
    final List<String> sources = new ArrayList<>();
    boolean mustExist;
    boolean mustNotExist;
    Set<String> allowed; // null: any value
    final Set<String> forbidden = new HashSet<>();
    Long greaterThan; // exclusive
    Long lessThan; // exclusive

    KeyState(String key) {}

    void in(Set<String> values, String source) {
      sources.add(source);
      mustExist = true;
      if (allowed == null) {
        allowed = new HashSet<>(values);
      } else {
        allowed.retainAll(values);
      }
    }

    // labels/selector.go Requirement.Matches: NotIn and DoesNotExist match a node without the key.
    void notIn(List<String> values, String source) {
      sources.add(source);
      forbidden.addAll(values);
    }

    void exists(String source) {
      sources.add(source);
      mustExist = true;
    }

    void doesNotExist(String source) {
      sources.add(source);
      mustNotExist = true;
    }

    // Gt and Lt are false when the label is missing or not an int64; the comparison is strict.
    void bound(boolean greater, long value, String source) {
      sources.add(source);
      mustExist = true;
      if (greater) {
        greaterThan = greaterThan == null ? value : Math.max(greaterThan, value);
      } else {
        lessThan = lessThan == null ? value : Math.min(lessThan, value);
      }
    }

    boolean satisfiable() {
      if (mustNotExist) {
        return !mustExist;
      }
      boolean bounded = greaterThan != null || lessThan != null;
      if (allowed != null) {
        for (String value : allowed) {
          if (!forbidden.contains(value) && (!bounded || withinBounds(parseInt64(value)))) {
            return true;
          }
        }
        return false;
      }
      if (!bounded) {
        return true;
      }
      // A label value cannot start with a sign, so a node's numeric label is at least 0; and any
      // integer has many spellings ("7", "07"), so NotIn can never rule a number out.
      if (greaterThan != null && greaterThan == Long.MAX_VALUE) {
        return false;
      }
      long candidate = Math.max(greaterThan == null ? 0 : greaterThan + 1, 0);
      return lessThan == null || candidate < lessThan;
    }

    private boolean withinBounds(Long value) {
      return value != null
          && (greaterThan == null || value > greaterThan)
          && (lessThan == null || value < lessThan);
    }
  }
}
