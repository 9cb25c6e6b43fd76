package io.chartlint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartlint.core.Severity;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.model.ResourceRef;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
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
    try (JsonGenerator g = JsonOutput.open(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "chartlint");
      g.writeStringField("version", context.toolVersion());
      g.writeEndObject();
      g.writeArrayFieldStart("findings");
      for (Finding f : result.findings()) {
        g.writeTree(finding(f));
      }
      g.writeEndArray();
      if (context.showSuppressed()) {
        g.writeArrayFieldStart("suppressed");
        for (LintResult.SuppressedFinding s : result.suppressed()) {
          ObjectNode node = finding(s.finding());
          node.put("suppressedBy", s.by());
          g.writeTree(node);
        }
        g.writeEndArray();
      }
      if (!result.ignoredByPolicy().isEmpty()) {
        // Reported findings whose inline suppression the policy set aside, with which and why.
        g.writeArrayFieldStart("ignoredByPolicy");
        for (LintResult.SuppressedFinding s : result.ignoredByPolicy()) {
          ObjectNode node = finding(s.finding());
          node.put("ignoredSuppression", s.by());
          g.writeTree(node);
        }
        g.writeEndArray();
      }
      g.writeObjectFieldStart("summary");
      g.writeNumberField("error", result.count(Severity.ERROR));
      g.writeNumberField("warning", result.count(Severity.WARNING));
      g.writeNumberField("info", result.count(Severity.INFO));
      g.writeNumberField("suppressed", result.suppressed().size());
      g.writeNumberField("ignoredByPolicy", result.ignoredByPolicy().size());
      g.writeNumberField("files", result.files());
      g.writeNumberField("objects", result.objects());
      g.writeNumberField("skipped", result.skipped().size());
      g.writeArrayFieldStart("unusedSuppressions");
      for (String u : result.unusedSuppressions()) {
        g.writeString(u);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("notices");
      for (String n : result.notices()) {
        g.writeString(n);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
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
    if (!f.location().related().isEmpty()) {
      ArrayNode related = location.putArray("related");
      for (Location.Related r : f.location().related()) {
        ObjectNode item = related.addObject();
        item.put("file", r.file());
        item.put("line", r.line());
        item.put("column", r.column());
        item.put("message", r.message());
      }
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
