package io.chartlint.core.load.helm;

/** Helm could not render a chart. Carries the template and line Helm named, when it named one. */
public final class ChartRenderException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String templatePath;
  private final int line;
  private final int column;

  /**
   * @param message Helm's message, without a stack trace
   * @param templatePath the template Helm names, as Helm prints it ({@code
   *     mychart/templates/x.yaml}), or null
   * @param line the 1-based line in that template, or 0 when Helm named none
   */
  public ChartRenderException(String message, String templatePath, int line) {
    this(message, templatePath, line, 0);
  }

  /**
   * @param column the 1-based column Helm names in that line, or 0 when it names none
   */
  public ChartRenderException(String message, String templatePath, int line, int column) {
    super(message);
    this.templatePath = templatePath;
    this.line = line;
    this.column = column;
  }

  public String templatePath() {
    return templatePath;
  }

  public int line() {
    return line;
  }

  /** The column Helm names, or 0. */
  public int column() {
    return column;
  }
}
