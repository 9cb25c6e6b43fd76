package io.chartlint.core.load.helm;

/** Helm could not render a chart. Carries the template and line Helm named, when it named one. */
public final class ChartRenderException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String templatePath;
  private final int line;

  /**
   * @param message Helm's message, without a stack trace
   * @param templatePath the template Helm names, as Helm prints it ({@code
   *     mychart/templates/x.yaml}), or null
   * @param line the 1-based line in that template, or 0 when Helm named none
   */
  public ChartRenderException(String message, String templatePath, int line) {
    super(message);
    this.templatePath = templatePath;
    this.line = line;
  }

  public String templatePath() {
    return templatePath;
  }

  public int line() {
    return line;
  }
}
