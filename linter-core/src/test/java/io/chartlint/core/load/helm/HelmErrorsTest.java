package io.chartlint.core.load.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelmErrorsTest {

  @Test
  void readsTheTemplateAndLineOfAnExecutionError() {
    ChartRenderException e =
        HelmErrors.toException(
            "Error: execution error at (web/templates/deployment.yaml:14:52): image.tag is"
                + " required\n\nUse --debug flag to render out invalid YAML\n");
    assertThat(e.templatePath()).isEqualTo("web/templates/deployment.yaml");
    assertThat(e.line()).isEqualTo(14);
    assertThat(e.column()).isEqualTo(52);
    assertThat(e.getMessage())
        .isEqualTo(
            "execution error at (web/templates/deployment.yaml:14:52): image.tag is required");
  }

  @Test
  void readsTheFirstTemplateOfANestedIncludeError() {
    ChartRenderException e =
        HelmErrors.toException(
            "template: kruise/templates/manager.yaml:21:5: executing"
                + " \"kruise/templates/manager.yaml\" at <include \"x\" .>: error calling include:"
                + " template: kruise/templates/_helpers.tpl:38:16: executing \"x\"");
    assertThat(e.templatePath()).isEqualTo("kruise/templates/manager.yaml");
    assertThat(e.line()).isEqualTo(21);
  }

  @Test
  void readsParseErrorsOfSubchartTemplates() {
    ChartRenderException e =
        HelmErrors.toException(
            "parse error at (parent/charts/sub/templates/svc.yaml:5): unexpected \"}\" in"
                + " operand");
    assertThat(e.templatePath()).isEqualTo("parent/charts/sub/templates/svc.yaml");
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).as("Helm names no column here").isZero();
  }

  @Test
  void aYamlErrorNamesTheTemplateWithoutALine() {
    ChartRenderException e =
        HelmErrors.toException(
            "YAML parse error on web/templates/cm.yaml: error converting YAML to JSON: yaml: line"
                + " 3: mapping values are not allowed in this context");
    assertThat(e.templatePath()).isEqualTo("web/templates/cm.yaml");
    assertThat(e.line()).isZero();
  }

  @Test
  void missingDependenciesPointAtChartYaml() {
    ChartRenderException e =
        HelmErrors.toException(
            "An error occurred while checking for chart dependencies. You may need to run `helm"
                + " dependency build` to fetch missing dependencies: found in Chart.yaml, but"
                + " missing in charts/ directory: falcosidekick");
    assertThat(e.templatePath()).endsWith("/Chart.yaml");
    assertThat(e.getMessage()).contains("falcosidekick");
  }

  @Test
  void aSelfIncludingTemplateKeepsTheOutermostCallAndTheCause() {
    String level =
        "template: loop/templates/loop.yaml:1:23: executing \"loop\" at <include \"loop\" .>";
    String message =
        "Error: template: loop/templates/loop.yaml:2:3: executing \"loop/templates/loop.yaml\" at"
            + " <include \"loop\" .>: error calling include: "
            + (level + ": error calling include: ").repeat(1000)
            + "rendering template has a nested reference name: loop: unable to execute template";

    ChartRenderException e = HelmErrors.toException(message);

    assertThat(e.templatePath()).isEqualTo("loop/templates/loop.yaml");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage())
        .hasSizeLessThan(600)
        .contains("999 more nested include calls")
        .endsWith(
            "rendering template has a nested reference name: loop: unable to execute template");
  }
}
