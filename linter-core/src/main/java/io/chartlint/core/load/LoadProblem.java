package io.chartlint.core.load;

/**
 * Something that kept a document from being read as intended.
 *
 * @param kind what kind of problem
 * @param line the 1-based line in the file
 * @param column the 1-based column, or 0 when unknown
 * @param message what is wrong, for a person
 */
public record LoadProblem(Kind kind, int line, int column, String message) {

  /** The kinds of problem, each reported by its own rule. */
  public enum Kind {
    /** The text is not YAML, or not UTF-8. */
    SYNTAX,
    /** A safety limit was exceeded. */
    LIMIT,
    /** A mapping has the same key twice. */
    DUPLICATE_KEY,
    /** Helm could not render a chart. */
    RENDER
  }
}
