package io.chartlint.core.report;

import io.chartlint.core.engine.LintResult;
import java.io.IOException;

/** Writes a lint result in one format. Implementations are stateless. */
public interface Reporter {

  /** The name users give to {@code --format}. */
  String name();

  void write(LintResult result, ReportContext context, Appendable out) throws IOException;
}
