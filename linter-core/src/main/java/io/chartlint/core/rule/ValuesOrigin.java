package io.chartlint.core.rule;

/**
 * For a finding in a chart, the value that produced the offending field and where it was set.
 *
 * @param path the values path, such as {@code daemon.affinity}; null when no value controls the
 *     field
 * @param file the values file that sets it (the chart's, a subchart's, or a {@code -f} file),
 *     relative to the working directory; null when {@code source} says where
 * @param line the 1-based line of the key in {@code file}, or 0
 * @param source {@code --set} or {@code --set-string} when the command line sets it, {@code
 *     template} when the template writes the field and no value controls it, {@code unset} when the
 *     template reads a value no values file sets; null when {@code file} says where
 */
public record ValuesOrigin(String path, String file, int line, String source) {
  public static final String TEMPLATE = "template";

  /** A value the template reads that no values file, {@code -f} file or {@code --set} sets. */
  public static final String UNSET = "unset";

  /** What the text and log formats print after {@code value:}. */
  public String describe() {
    if (path == null) {
      return "written in the template; no value controls it";
    }
    if (file == null && UNSET.equals(source)) {
      return path + " (not set: the chart's default applies)";
    }
    return path
        + (file != null ? " (set in " + file + ":" + line + ")" : " (set by " + source + ")");
  }
}
