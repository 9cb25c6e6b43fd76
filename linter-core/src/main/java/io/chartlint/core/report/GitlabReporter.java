package io.chartlint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.chartlint.core.Severity;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.rule.Finding;
import java.io.IOException;

/**
 * GitLab Code Quality JSON (a subset of the Code Climate issue format): GitLab shows these in the
 * merge request widget and diff. It requires {@code description}, {@code check_name}, {@code
 * fingerprint}, {@code severity}, {@code location.path} and {@code location.lines.begin}, and
 * compares the fingerprints of the source and target branches to tell new findings from old, so
 * they leave the line out.
 */
public final class GitlabReporter implements Reporter {
  @Override
  public String name() {
    return "gitlab";
  }

  @Override
  public void write(LintResult result, ReportContext context, Appendable out) throws IOException {
    Fingerprints.Sequence fingerprints = new Fingerprints.Sequence(result.findings());
    try (JsonGenerator json = JsonOutput.open(out)) {
      json.writeStartArray();
      for (Finding f : result.findings()) {
        json.writeStartObject();
        json.writeStringField("type", "issue");
        json.writeStringField("check_name", f.ruleId());
        json.writeStringField("description", Findings.text(f));
        if (f.fix() != null && !f.fix().isBlank()) {
          json.writeObjectFieldStart("content");
          json.writeStringField("body", "Fix: " + f.fix());
          json.writeEndObject();
        }
        // Code Climate's categories are about code; a defect in how a workload is scheduled or
        // resourced is a bug risk.
        json.writeArrayFieldStart("categories");
        json.writeString("Bug Risk");
        json.writeEndArray();
        json.writeStringField("fingerprint", fingerprints.next(f));
        json.writeStringField("severity", severity(f.severity()));
        json.writeObjectFieldStart("location");
        json.writeStringField("path", f.location().file());
        json.writeObjectFieldStart("lines");
        json.writeNumberField("begin", Math.max(1, f.location().line()));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    out.append(System.lineSeparator());
  }

  /**
   * Code Climate's scale is info, minor, major, critical, blocker. An error breaks a workload (it
   * fails the build by default), so it is critical; blocker stays free for what stops a deploy
   * outright, which a linter cannot know.
   */
  static String severity(Severity severity) {
    return switch (severity) {
      case ERROR -> "critical";
      case WARNING -> "minor";
      case INFO -> "info";
    };
  }
}
