package io.chartlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.rule.Finding;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReporterTest {

  @Test
  void writesOneWorkflowCommandPerFindingWithEscapedMessage() throws IOException {
    List<String> lines = SampleResult.write("github").lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "::error file=charts/web/templates/deployment.yaml,line=31,col=13,"
                + "title=toleration-invalid::Deployment/shop/web: toleration 0: operator"
                + " \"Exists\" with value \"a,b\" is invalid: 100%25 <wrong> & rejected%0Aby the"
                + " API server%0AFix: remove the value, or use operator: Equal");
    assertThat(lines.get(1))
        .startsWith("::warning file=manifests/agent.yaml,line=12,title=cpu-request-missing::");
    assertThat(lines.get(2))
        .startsWith("::notice file=manifests/agent.yaml,line=40,col=3,title=yaml-syntax::");
  }

  @Test
  void escapesPropertySeparatorsInPropertyValues() {
    assertThat(GithubReporter.property("a:b,c%d\r\ne")).isEqualTo("a%3Ab%2Cc%25d%0D%0Ae");
    assertThat(GithubReporter.data("a:b,c%d\r\ne")).isEqualTo("a:b,c%25d%0D%0Ae");
  }

  @Test
  void aFindingOfSomeValuesSetsNamesThemInTheAnnotation() {
    Finding cpu = SampleResult.CPU.withValuesSets(List.of("values.yaml", "ci/gpu-values.yaml"));

    assertThat(Findings.text(cpu))
        .startsWith("DaemonSet/")
        .endsWith(" (values: values.yaml, ci/gpu-values.yaml)");
    assertThat(Findings.text(SampleResult.CPU)).doesNotContain("(values:");
  }
}
