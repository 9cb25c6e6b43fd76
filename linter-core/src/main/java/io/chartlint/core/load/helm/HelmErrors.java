package io.chartlint.core.load.helm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the template file and line out of Helm's error messages. */
public final class HelmErrors {
  private HelmErrors() {}

  /**
   * {@code template: c/templates/x.yaml:12:20: executing ...}, {@code execution error at
   * (c/templates/x.yaml:14:70): ...}, {@code parse error at (c/templates/x.yaml:5): ...}.
   */
  private static final Pattern WITH_LINE =
      Pattern.compile(
          "([\\w.\\-]+(?:/[\\w.\\-]+)*/templates/[^\\s:()\"]+):(\\d{1,9})(?::(\\d{1,9}))?");

  /** {@code YAML parse error on c/templates/x.yaml: ...}: a file but no line in it. */
  private static final Pattern WITHOUT_LINE =
      Pattern.compile("([\\w.\\-]+(?:/[\\w.\\-]+)*/templates/[^\\s:()\"]+)");

  /** {@code found in Chart.yaml, but missing in charts/ directory: a, b}. */
  private static final Pattern CHART_YAML = Pattern.compile("\\bChart\\.(?:yaml|lock)\\b");

  /** Helm's message as one finding: its first meaningful lines, with the file and line it names. */
  public static ChartRenderException toException(String helmMessage) {
    String message = clean(helmMessage);
    Matcher m = WITH_LINE.matcher(message);
    if (m.find()) {
      return new ChartRenderException(
          message,
          m.group(1),
          Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }
    m = WITHOUT_LINE.matcher(message);
    if (m.find()) {
      return new ChartRenderException(message, m.group(1), 0);
    }
    m = CHART_YAML.matcher(message);
    if (m.find()) {
      // ChartLocations drops the first segment, Helm's chart name
      return new ChartRenderException(message, "chart/" + m.group(), 0);
    }
    return new ChartRenderException(message, null, 0);
  }

  static String clean(String helmMessage) {
    if (helmMessage == null || helmMessage.isBlank()) {
      return "Helm failed without a message";
    }
    StringBuilder out = new StringBuilder();
    for (String line : helmMessage.strip().split("\\R")) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("Use --debug flag")) {
        continue;
      }
      if (text.startsWith("Error: ")) {
        text = text.substring("Error: ".length());
      }
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(text);
    }
    return collapseNesting(out.toString());
  }

  /** Go templates chain one "error calling include: template: ..." per level of include. */
  private static final String NESTED = ": error calling include: ";

  /**
   * A template that includes itself fails after thousands of levels, each adding a link to the
   * chain: keep the outermost call and the innermost cause, and say how many levels lie between.
   */
  static String collapseNesting(String message) {
    String[] links = message.split(Pattern.quote(NESTED), -1);
    if (links.length <= 4) {
      return message;
    }
    return links[0]
        + NESTED
        + links[1]
        + NESTED
        + "... "
        + (links.length - 3)
        + " more nested include calls ..."
        + NESTED
        + links[links.length - 1];
  }
}
