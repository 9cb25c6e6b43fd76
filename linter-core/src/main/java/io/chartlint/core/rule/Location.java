package io.chartlint.core.rule;

/**
 * Where a finding is.
 *
 * @param file the file to annotate: the manifest, or for a rendered chart the template on disk,
 *     relative to the working directory
 * @param line the 1-based line in that file
 * @param column the 1-based column, or 0 when unknown
 * @param template the {@code # Source:} path of the document, or null
 * @param rendered for a rendered chart, the line in the rendered stream; otherwise null
 * @param values for a chart, the value that produced the offending field, where chartlint could
 *     tell; otherwise null
 */
public record Location(
    String file, int line, int column, String template, Integer rendered, ValuesOrigin values) {

  /** A location without values provenance. */
  public Location(String file, int line, int column, String template, Integer rendered) {
    this(file, line, column, template, rendered, null);
  }

  /** The same location with the value that produced the field. */
  public Location withValues(ValuesOrigin origin) {
    return new Location(file, line, column, template, rendered, origin);
  }
}
