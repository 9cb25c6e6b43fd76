package io.chartlint.core.report;

import io.chartlint.core.Severity;
import io.chartlint.core.engine.FailOn;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.model.ResourceRef;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleSet;
import java.nio.file.Path;
import java.util.List;

/**
 * One result that every report format is tested on. Its messages hold every character that one of
 * the formats must escape: {@code %}, {@code :}, {@code ,}, a line break, {@code <}, {@code &} and
 * {@code "}.
 */
final class SampleResult {
  private SampleResult() {}

  static final String TRICKY_MESSAGE =
      "toleration 0: operator \"Exists\" with value \"a,b\" is invalid: 100% <wrong> & rejected\n"
          + "by the API server";

  static final Finding TOLERATION =
      new Finding(
          "toleration-invalid",
          Severity.ERROR,
          TRICKY_MESSAGE,
          new ResourceRef("apps/v1", "Deployment", "shop", "web"),
          "spec.template.spec.tolerations[0].value",
          new Location(
              "charts/web/templates/deployment.yaml", 31, 13, "web/templates/deployment.yaml", 88),
          "remove the value, or use operator: Equal",
          List.of());

  static final Finding CPU =
      new Finding(
          "cpu-request-missing",
          Severity.WARNING,
          "container 'agent' requests no CPU",
          new ResourceRef("apps/v1", "DaemonSet", null, "agent"),
          "spec.template.spec.containers[0].resources",
          new Location("manifests/agent.yaml", 12, 0, null, null),
          "set resources.requests.cpu",
          List.of());

  static final Finding SYNTAX =
      new Finding(
          "yaml-syntax",
          Severity.INFO,
          "found a tab at 40:3, expected <space> or \"-\"",
          null,
          "",
          new Location("manifests/agent.yaml", 40, 3, null, null),
          null,
          List.of());

  static final Finding SUPPRESSED =
      new Finding(
          "cpu-request-missing",
          Severity.WARNING,
          "container 'sidecar' requests no CPU",
          new ResourceRef("apps/v1", "DaemonSet", null, "agent"),
          "spec.template.spec.containers[1].resources",
          new Location("manifests/agent.yaml", 20, 0, null, null),
          "set resources.requests.cpu",
          List.of());

  static LintResult result() {
    return new LintResult(
        List.of(TOLERATION, CPU, SYNTAX),
        List.of(new LintResult.SuppressedFinding(SUPPRESSED, "comment at line 19 (sidecar)")),
        List.of(
            "manifests/agent.yaml:5: '# chartlint:ignore memory-request-missing' suppresses"
                + " nothing"),
        List.of(),
        List.of(),
        2,
        3,
        FailOn.ERROR);
  }

  static RuleSet rules() {
    Rule rule = new Rule() {};
    return new RuleSet(
        List.of(
            new RuleDescriptor(
                "toleration-invalid",
                "Toleration is rejected by the API server",
                Severity.ERROR,
                "0.1.0",
                "tolerations",
                "## Why\n\nThe API server rejects the whole object.\n\n## How to fix\n\n"
                    + "Use `operator: Equal` with a value.",
                rule),
            new RuleDescriptor(
                "cpu-request-missing",
                "Container requests no CPU",
                Severity.WARNING,
                "0.1.0",
                "resources",
                "## Why\n\nThe scheduler counts it as needing none.\n\n## How to fix\n\n"
                    + "Set `resources.requests.cpu`.",
                rule),
            new RuleDescriptor(
                "yaml-syntax",
                "Document is not valid YAML",
                Severity.ERROR,
                "0.1.0",
                "documents",
                "",
                rule)));
  }

  static ReportContext context(boolean showSuppressed) {
    return new ReportContext(
        rules(), "1.2.3", Path.of("/src/project").toAbsolutePath(), false, showSuppressed);
  }

  static String write(String format) throws java.io.IOException {
    StringBuilder out = new StringBuilder();
    Reporters.get(format).write(result(), context(false), out);
    return out.toString();
  }
}
