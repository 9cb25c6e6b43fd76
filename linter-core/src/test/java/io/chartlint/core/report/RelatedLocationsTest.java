package io.chartlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartlint.core.Severity;
import io.chartlint.core.engine.FailOn;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.model.ResourceRef;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.Location;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding in text a named template wrote carries the include that called it. */
class RelatedLocationsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final Finding IN_HELPER =
      new Finding(
          "cpu-request-missing",
          Severity.WARNING,
          "container 'logs' requests no CPU",
          new ResourceRef("apps/v1", "Deployment", null, "web"),
          "spec.template.spec.containers[3].name",
          new Location(
              "charts/web/templates/_helpers.tpl",
              12,
              3,
              "web/templates/deployment.yaml",
              77,
              List.of(
                  new Location.Related(
                      "charts/web/templates/deployment.yaml",
                      48,
                      9,
                      "included by {{- include \"web.sidecar\" . | nindent 8 }}"))),
          "set resources.requests.cpu",
          List.of());

  static LintResult result() {
    return new LintResult(
        List.of(IN_HELPER), List.of(), List.of(), List.of(), List.of(), 1, 1, FailOn.ERROR);
  }

  private static String write(String format) throws IOException {
    StringBuilder out = new StringBuilder();
    Reporters.get(format).write(result(), SampleResult.context(false), out);
    return out.toString();
  }

  @Test
  void jsonListsTheIncludeCallSiteUnderLocationRelated() throws IOException {
    JsonNode location = MAPPER.readTree(write("json")).at("/findings/0/location");
    assertThat(location.get("file").asText()).isEqualTo("charts/web/templates/_helpers.tpl");
    assertThat(location.get("line").asInt()).isEqualTo(12);
    JsonNode related = location.get("related");
    assertThat(related).hasSize(1);
    assertThat(related.get(0).get("file").asText())
        .isEqualTo("charts/web/templates/deployment.yaml");
    assertThat(related.get(0).get("line").asInt()).isEqualTo(48);
    assertThat(related.get(0).get("column").asInt()).isEqualTo(9);
    assertThat(related.get(0).get("message").asText()).startsWith("included by {{- include");
  }

  @Test
  void jsonLeavesRelatedOutWhenThereIsNone() throws IOException {
    JsonNode report = MAPPER.readTree(SampleResult.write("json"));
    report.get("findings").forEach(f -> assertThat(f.get("location").has("related")).isFalse());
  }

  @Test
  void sarifCarriesTheCallSiteAsARelatedLocation() throws IOException {
    JsonNode result = MAPPER.readTree(write("sarif")).at("/runs/0/results/0");
    JsonNode related = result.get("relatedLocations");
    assertThat(related).hasSize(1);
    assertThat(related.at("/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("charts/web/templates/deployment.yaml");
    assertThat(related.at("/0/physicalLocation/artifactLocation/uriBaseId").asText())
        .isEqualTo("%SRCROOT%");
    assertThat(related.at("/0/physicalLocation/region/startLine").asInt()).isEqualTo(48);
    assertThat(related.at("/0/physicalLocation/region/startColumn").asInt()).isEqualTo(9);
    assertThat(related.at("/0/message/text").asText()).contains("web.sidecar");
  }

  @Test
  void textShowsTheCallSiteOnASecondLine() throws IOException {
    assertThat(write("text"))
        .contains(
            "charts/web/templates/_helpers.tpl:12:3 warning cpu-request-missing"
                + " Deployment/web: container 'logs' requests no CPU")
        .contains(
            "       included by {{- include \"web.sidecar\" . | nindent 8 }} at"
                + " charts/web/templates/deployment.yaml:48:9");
  }
}
