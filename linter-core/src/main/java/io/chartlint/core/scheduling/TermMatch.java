package io.chartlint.core.scheduling;

import java.util.List;

/**
 * How one required node selector term fared against a node.
 *
 * @param index the term's position in {@code nodeSelectorTerms}
 * @param term the term
 * @param outcome whether it matched, and if not, why
 * @param unmetRequirements the requirements the node failed, when the outcome is {@code
 *     DOES_NOT_MATCH}
 * @param parseErrors why the term does not parse, when the outcome is {@code UNPARSABLE}
 */
public record TermMatch(
    int index,
    NodeSelectorTerm term,
    Outcome outcome,
    List<NodeSelectorRequirement> unmetRequirements,
    List<String> parseErrors) {

  /** Why a term did or did not select a node. */
  public enum Outcome {
    MATCHES,
    DOES_NOT_MATCH,
    /** The term has neither expressions nor fields, so it selects nothing. */
    EMPTY,
    /** The scheduler cannot parse the term, so it selects nothing. */
    UNPARSABLE
  }

  public TermMatch {
    unmetRequirements = List.copyOf(unmetRequirements);
    parseErrors = List.copyOf(parseErrors);
  }

  public boolean matches() {
    return outcome == Outcome.MATCHES;
  }
}
