package io.chartlint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.ValuesOrigin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: every rule of the run with its help, relative
 * artifact URIs against {@code %SRCROOT%}, and fingerprints that ignore line numbers.
 *
 * <p>Built with Jackson's tree model rather than a SARIF object model: the one model library on
 * Maven Central for Jackson 2 (java-sarif) has had no release since 2021, and its generated classes
 * would add a runtime dependency to the core for the sake of one writer.
 */
public final class SarifReporter implements Reporter {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";
  static final String FINGERPRINT = "chartlint/v1";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  @Override
  public String name() {
    return "sarif";
  }

  @Override
  public void write(LintResult result, ReportContext context, Appendable out) throws IOException {
    ObjectNode run = MAPPER.createObjectNode();

    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "chartlint");
    driver.put("version", context.toolVersion());
    driver.put("informationUri", ReportContext.DOCS_BASE.replaceFirst("/blob/main/$", ""));
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (RuleDescriptor rule : context.rules().all()) {
      ruleIndex.put(rule.id(), rules.size());
      rules.add(rule(rule));
    }

    if (context.workingDirectory() != null) {
      ObjectNode base = run.putObject("originalUriBaseIds").putObject(SRCROOT);
      String uri = context.workingDirectory().toAbsolutePath().toUri().toASCIIString();
      // SARIF §3.14.14: a base URI ends with a slash, or relative URIs resolve against its parent.
      base.put("uri", uri.endsWith("/") ? uri : uri + "/");
    }

    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", result.internalErrors().isEmpty());
    if (!result.notices().isEmpty()) {
      ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
      for (String notice : result.notices()) {
        ObjectNode n = notifications.addObject();
        n.put("level", "note");
        n.putObject("message").put("text", notice);
      }
    }

    try (JsonGenerator g = JsonOutput.open(out)) {
      // everything before the results as one small tree, then the results one by one
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      var fields = run.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        g.writeFieldName(field.getKey());
        g.writeTree(field.getValue());
      }
      g.writeArrayFieldStart("results");
      Fingerprints.Sequence fingerprints = new Fingerprints.Sequence(result.findings());
      Map<Finding, String> ignored = new HashMap<>();
      result.ignoredByPolicy().forEach(s -> ignored.putIfAbsent(s.finding(), s.by()));
      for (Finding f : result.findings()) {
        ObjectNode node = result(f, ruleIndex, fingerprints.next(f), null);
        String setAside = ignored.get(f);
        if (setAside != null) {
          // Not a SARIF suppression: the finding stands. Which suppression the policy set aside
          // is for the reader.
          node.withObjectProperty("properties").put("ignoredSuppression", setAside);
        }
        g.writeTree(node);
      }
      if (context.showSuppressed() && !result.suppressed().isEmpty()) {
        List<Finding> hidden = new ArrayList<>();
        result.suppressed().forEach(sf -> hidden.add(sf.finding()));
        List<String> hiddenPrints = Fingerprints.ofSuppressed(result.findings(), hidden);
        for (int i = 0; i < hidden.size(); i++) {
          g.writeTree(
              result(
                  hidden.get(i), ruleIndex, hiddenPrints.get(i), result.suppressed().get(i).by()));
        }
      }
      g.writeEndArray();
      g.writeStringField("columnKind", "unicodeCodePoints");
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.append(System.lineSeparator());
  }

  private static ObjectNode rule(RuleDescriptor rule) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", rule.id());
    node.putObject("shortDescription").put("text", rule.summary());
    String why = section(rule.explanation(), "Why");
    node.putObject("fullDescription").put("text", why.isEmpty() ? rule.summary() + "." : why);
    String markdown = rule.explanation().isEmpty() ? rule.summary() + "." : rule.explanation();
    ObjectNode help = node.putObject("help");
    help.put("text", markdown);
    help.put("markdown", markdown);
    if (rule.docsPath() != null) {
      node.put("helpUri", ReportContext.DOCS_BASE + rule.docsPath());
    }
    node.putObject("defaultConfiguration").put("level", Findings.level(rule.defaultSeverity()));
    ObjectNode properties = node.putObject("properties");
    properties.putArray("tags").add(rule.category());
    return node;
  }

  /** The text of a {@code ## Title} section of a rule's explanation, or "". */
  static String section(String markdown, String title) {
    StringBuilder s = new StringBuilder();
    boolean inside = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ")) {
        if (inside) {
          break;
        }
        inside = line.substring(3).strip().equals(title);
        continue;
      }
      if (inside) {
        s.append(line).append('\n');
      }
    }
    return s.toString().strip();
  }

  private static ObjectNode result(
      Finding f, Map<String, Integer> ruleIndex, String fingerprint, String suppressedBy) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ruleId", f.ruleId());
    Integer index = ruleIndex.get(f.ruleId());
    if (index != null) {
      node.put("ruleIndex", index);
    }
    node.put("level", Findings.level(f.severity()));
    String text = Findings.text(f);
    if (f.fix() != null && !f.fix().isBlank()) {
      text = text + "\nFix: " + f.fix();
    }
    node.putObject("message").put("text", text);
    ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", Findings.uri(f.location().file()));
    if (!Findings.isAbsolute(f.location().file())) {
      artifact.put("uriBaseId", SRCROOT);
    }
    ObjectNode region = physical.putObject("region");
    region.put("startLine", Math.max(1, f.location().line()));
    if (f.location().column() > 0) {
      region.put("startColumn", f.location().column());
    }
    ArrayNode relatedLocations = null;
    int id = 1;
    if (!f.location().related().isEmpty()) {
      relatedLocations = node.putArray("relatedLocations");
      ArrayNode related = relatedLocations;
      for (Location.Related r : f.location().related()) {
        ObjectNode item = related.addObject();
        item.put("id", id++);
        ObjectNode where = item.putObject("physicalLocation");
        ObjectNode relatedArtifact = where.putObject("artifactLocation");
        relatedArtifact.put("uri", Findings.uri(r.file()));
        if (!Findings.isAbsolute(r.file())) {
          relatedArtifact.put("uriBaseId", SRCROOT);
        }
        ObjectNode relatedRegion = where.putObject("region");
        relatedRegion.put("startLine", Math.max(1, r.line()));
        if (r.column() > 0) {
          relatedRegion.put("startColumn", r.column());
        }
        item.putObject("message").put("text", r.message());
      }
    }
    ValuesOrigin origin = f.location().values();
    if (origin != null && origin.file() != null) {
      // where the value that produced the field is set, so a code view can open it
      if (relatedLocations == null) {
        relatedLocations = node.putArray("relatedLocations");
      }
      ObjectNode related = relatedLocations.addObject();
      related.put("id", id);
      ObjectNode where = related.putObject("physicalLocation");
      ObjectNode file = where.putObject("artifactLocation");
      file.put("uri", Findings.uri(origin.file()));
      if (!Findings.isAbsolute(origin.file())) {
        file.put("uriBaseId", SRCROOT);
      }
      where.putObject("region").put("startLine", Math.max(1, origin.line()));
      related.putObject("message").put("text", "value: " + origin.describe());
    }
    node.putObject("partialFingerprints").put(FINGERPRINT, fingerprint);
    if (f.resource() != null || (f.path() != null && !f.path().isEmpty())) {
      ObjectNode properties = node.putObject("properties");
      if (f.resource() != null) {
        properties.put("resource", f.resource().display());
      }
      if (f.path() != null && !f.path().isEmpty()) {
        properties.put("path", f.path());
      }
    }
    if (suppressedBy != null) {
      ObjectNode suppression = node.putArray("suppressions").addObject();
      suppression.put("kind", "external");
      suppression.put("justification", suppressedBy);
    }
    return node;
  }
}
