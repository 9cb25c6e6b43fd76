package io.chartlint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartlint.core.Severity;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.model.ResourceRef;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.ValuesOrigin;
import java.io.IOException;

/** The JSON shape of SPEC §10: a contract that other tools parse. Fields are only ever added. */
public final class JsonReporter implements Reporter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  @Override
  public String name() {
    return "json";
  }

  @Override
  public void write(LintResult result, ReportContext context, Appendable out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "chartlint");
    tool.put("version", context.toolVersion());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : result.findings()) {
      findings.add(finding(f));
    }
    if (context.showSuppressed()) {
      ArrayNode suppressed = root.putArray("suppressed");
      for (LintResult.SuppressedFinding s : result.suppressed()) {
        ObjectNode node = finding(s.finding());
        node.put("suppressedBy", s.by());
        suppressed.add(node);
      }
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("error", result.count(Severity.ERROR));
    summary.put("warning", result.count(Severity.WARNING));
    summary.put("info", result.count(Severity.INFO));
    summary.put("suppressed", result.suppressed().size());
    summary.put("files", result.files());
    summary.put("objects", result.objects());
    ArrayNode unused = summary.putArray("unusedSuppressions");
    result.unusedSuppressions().forEach(unused::add);
    ArrayNode notices = summary.putArray("notices");
    result.notices().forEach(notices::add);
    out.append(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    out.append(System.lineSeparator());
  }

  static ObjectNode finding(Finding f) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ruleId", f.ruleId());
    node.put("severity", f.severity().id());
    node.put("message", f.message());
    ResourceRef ref = f.resource();
    if (ref == null) {
      node.putNull("resource");
    } else {
      ObjectNode resource = node.putObject("resource");
      resource.put("apiVersion", ref.apiVersion());
      resource.put("kind", ref.kind());
      resource.put("namespace", ref.namespace());
      resource.put("name", ref.name());
    }
    node.put("path", f.path());
    ObjectNode location = node.putObject("location");
    location.put("file", f.location().file());
    location.put("line", f.location().line());
    location.put("column", f.location().column());
    location.put("template", f.location().template());
    if (f.location().rendered() == null) {
      location.putNull("rendered");
    } else {
      location.put("rendered", f.location().rendered());
    }
    ValuesOrigin origin = f.location().values();
    if (origin != null) {
      ObjectNode values = location.putObject("values");
      if (origin.path() != null) {
        values.put("path", origin.path());
      }
      if (origin.file() != null) {
        values.put("file", origin.file());
        values.put("line", origin.line());
      } else {
        values.put("source", origin.source());
      }
    }
    node.put("fix", f.fix());
    if (!f.valuesSets().isEmpty()) {
      ArrayNode sets = node.putArray("valuesSets");
      f.valuesSets().forEach(sets::add);
    }
    return node;
  }
}
