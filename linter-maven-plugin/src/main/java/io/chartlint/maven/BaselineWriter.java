package io.chartlint.maven;

import io.chartlint.core.engine.Baseline;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.rule.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** The {@code writeBaseline} parameter: records a run's findings, as the command line does. */
final class BaselineWriter {
  private BaselineWriter() {}

  /**
   * Writes the findings reported, and those an existing baseline hid (so that rewriting a baseline
   * keeps its entries), to {@code file}, with paths relative to the module.
   */
  static void write(LintResult result, Path file, Path module, Log log)
      throws MojoExecutionException {
    List<Finding> recorded = new ArrayList<>(result.findings());
    for (LintResult.SuppressedFinding s : result.suppressed()) {
      if (s.by().startsWith(Baseline.SUPPRESSED_BY)) {
        recorded.add(s.finding());
      }
    }
    try {
      java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
      Baseline.write(file, recorded, module);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "chartlint: cannot write the baseline " + file + ": " + e.getMessage(), e);
    }
    log.info(
        "chartlint: recorded "
            + recorded.size()
            + (recorded.size() == 1 ? " finding in " : " findings in ")
            + file
            + "; name it in .chartlint.yaml (baseline: ...) to report only new findings");
  }
}
