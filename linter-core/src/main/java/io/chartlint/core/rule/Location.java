package io.chartlint.core.rule;

import java.util.List;

/**
 * Where a finding is.
 *
 * @param file the file to annotate: the manifest, or for a rendered chart the template on disk,
 *     relative to the working directory
 * @param line the 1-based line in that file
 * @param column the 1-based column, or 0 when unknown
 * @param template the {@code # Source:} path of the document, or null
 * @param rendered for a rendered chart, the line in the rendered stream; otherwise null
 * @param related other places that explain this one: for text a named template wrote, the {@code
 *     include} calls that wrote it, outermost first; empty when there are none
 * @param values for a chart, the value that produced the offending field, where chartlint could
 *     tell; otherwise null
 */
public record Location(
    String file,
    int line,
    int column,
    String template,
    Integer rendered,
    List<Related> related,
    ValuesOrigin values) {

  public Location {
    related = related == null ? List.of() : List.copyOf(related);
  }

  /** A location with nothing related and without values provenance. */
  public Location(String file, int line, int column, String template, Integer rendered) {
    this(file, line, column, template, rendered, List.of(), null);
  }

  /** A location without values provenance. */
  public Location(
      String file, int line, int column, String template, Integer rendered, List<Related> related) {
    this(file, line, column, template, rendered, related, null);
  }

  /** A location with nothing related. */
  public Location(
      String file, int line, int column, String template, Integer rendered, ValuesOrigin values) {
    this(file, line, column, template, rendered, List.of(), values);
  }

  /** The same location with the value that produced the field. */
  public Location withValues(ValuesOrigin origin) {
    return new Location(file, line, column, template, rendered, related, origin);
  }

  /**
   * A place related to a finding's location.
   *
   * @param file the file, relative to the working directory
   * @param line the 1-based line
   * @param column the 1-based column, or 0 when unknown
   * @param message what the place is, such as {@code included by {{ include "app.labels" . }}}
   */
  public record Related(String file, int line, int column, String message) {}
}
