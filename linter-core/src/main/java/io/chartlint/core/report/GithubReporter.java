package io.chartlint.core.report;

import io.chartlint.core.Severity;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.text.Escaping;
import java.io.IOException;

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request without
 * any upload step. The runner reads the commands from standard output, so findings go there one a
 * line, followed by the summary as plain log text.
 *
 * <p>The escaping is the runner's (actions/toolkit, {@code packages/core/src/command.ts}): in the
 * message {@code %}, CR and LF; in property values also {@code :} and {@code ,}, which separate the
 * properties.
 */
public final class GithubReporter implements Reporter {

  @Override
  public String name() {
    return "github";
  }

  @Override
  public void write(LintResult result, ReportContext context, Appendable out) throws IOException {
    String nl = System.lineSeparator();
    for (Finding f : result.findings()) {
      out.append("::").append(command(f.severity())).append(' ');
      out.append("file=").append(property(f.location().file()));
      out.append(",line=").append(String.valueOf(Math.max(1, f.location().line())));
      if (f.location().column() > 0) {
        out.append(",col=").append(String.valueOf(f.location().column()));
      }
      out.append(",title=").append(property(f.ruleId()));
      String text = Findings.text(f);
      if (f.fix() != null && !f.fix().isBlank()) {
        text = text + "\nFix: " + f.fix();
      }
      out.append("::").append(data(text)).append(nl);
    }
    for (String unused : result.unusedSuppressions()) {
      out.append("::notice title=chartlint::")
          .append(data("suppression that hides nothing (remove it): " + unused))
          .append(nl);
    }
    out.append(data(TextReporter.summary(result))).append(nl);
  }

  static String command(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }

  /** Escapes a command's message. */
  static String data(String text) {
    // after the runner's own escapes, the controls it leaves alone (ESC above all) made visible
    return Escaping.text(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
  }

  /** Escapes a command property's value. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
