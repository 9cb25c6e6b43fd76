package io.chartlint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartlint.core.Severity;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.rule.Finding;
import java.io.IOException;
import java.util.List;

/**
 * GitLab Code Quality JSON (a subset of the Code Climate issue format): GitLab shows these in the
 * merge request widget and diff. It requires {@code description}, {@code check_name}, {@code
 * fingerprint}, {@code severity}, {@code location.path} and {@code location.lines.begin}, and
 * compares the fingerprints of the source and target branches to tell new findings from old, so
 * they leave the line out.
 */
public final class GitlabReporter implements Reporter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  @Override
  public String name() {
    return "gitlab";
  }

  @Override
  public void write(LintResult result, ReportContext context, Appendable out) throws IOException {
    ArrayNode root = MAPPER.createArrayNode();
    List<String> fingerprints = Fingerprints.of(result.findings());
    for (int i = 0; i < result.findings().size(); i++) {
      Finding f = result.findings().get(i);
      ObjectNode issue = root.addObject();
      issue.put("type", "issue");
      issue.put("check_name", f.ruleId());
      issue.put("description", Findings.text(f));
      if (f.fix() != null && !f.fix().isBlank()) {
        issue.putObject("content").put("body", "Fix: " + f.fix());
      }
      // Code Climate's categories are about code; a defect in how a workload is scheduled or
      // resourced is a bug risk.
      issue.putArray("categories").add("Bug Risk");
      issue.put("fingerprint", fingerprints.get(i));
      issue.put("severity", severity(f.severity()));
      ObjectNode location = issue.putObject("location");
      location.put("path", f.location().file());
      location.putObject("lines").put("begin", Math.max(1, f.location().line()));
    }
    out.append(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
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
