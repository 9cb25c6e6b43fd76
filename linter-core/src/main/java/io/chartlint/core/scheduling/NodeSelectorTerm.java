package io.chartlint.core.scheduling;

import java.util.ArrayList;
import java.util.List;

/**
 * One required node selector term: its {@code matchExpressions} and its {@code matchFields}, all of
 * which must match.
 */
public record NodeSelectorTerm(
    List<NodeSelectorRequirement> matchExpressions, List<NodeSelectorRequirement> matchFields) {

  public NodeSelectorTerm {
    matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
    matchFields = matchFields == null ? List.of() : List.copyOf(matchFields);
  }

  public static NodeSelectorTerm ofExpressions(NodeSelectorRequirement... matchExpressions) {
    return new NodeSelectorTerm(List.of(matchExpressions), List.of());
  }

  /** A term with neither expressions nor fields: valid, and it selects no node. */
  public boolean isEmpty() {
    return matchExpressions.isEmpty() && matchFields.isEmpty();
  }

  /** Why the scheduler cannot parse this term; a term that does not parse never matches. */
  public List<String> parseErrors() {
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < matchExpressions.size(); i++) {
      for (String error : matchExpressions.get(i).labelParseErrors()) {
        errors.add("matchExpressions[" + i + "]." + error);
      }
    }
    for (int i = 0; i < matchFields.size(); i++) {
      for (String error : matchFields.get(i).fieldParseErrors()) {
        errors.add("matchFields[" + i + "]." + error);
      }
    }
    return errors;
  }

  /** This term with the requirements appended to its {@code matchExpressions}. */
  public NodeSelectorTerm withExpressions(List<NodeSelectorRequirement> added) {
    List<NodeSelectorRequirement> expressions = new ArrayList<>(matchExpressions);
    expressions.addAll(added);
    return new NodeSelectorTerm(expressions, matchFields);
  }
}
