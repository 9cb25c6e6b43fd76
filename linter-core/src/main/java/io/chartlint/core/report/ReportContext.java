package io.chartlint.core.report;

import io.chartlint.core.rule.RuleSet;
import java.nio.file.Path;

/**
 * What a reporter may need besides the result.
 *
 * @param rules the rules of the run, for help texts and documentation links
 * @param toolVersion chartlint's version
 * @param workingDirectory what the file paths in findings are relative to
 * @param color whether to use ANSI colours (only on a terminal)
 * @param showSuppressed whether to list suppressed findings too
 */
public record ReportContext(
    RuleSet rules,
    String toolVersion,
    Path workingDirectory,
    boolean color,
    boolean showSuppressed) {

  /** Where each rule's documentation lives. */
  public static final String DOCS_BASE = "https://github.com/chartlint/chartlint/blob/main/";
}
