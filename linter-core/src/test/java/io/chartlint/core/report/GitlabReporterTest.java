package io.chartlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GitlabReporterTest {

  @Test
  void everyIssueHasTheFieldsGitlabRequires() throws IOException {
    JsonNode report = new ObjectMapper().readTree(SampleResult.write("gitlab"));
    assertThat(report.isArray()).isTrue();
    assertThat(report).hasSize(3);
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode issue : report) {
      assertThat(issue.get("description").asText()).isNotBlank();
      assertThat(issue.get("check_name").asText()).isNotBlank();
      assertThat(issue.get("fingerprint").asText()).matches("[0-9a-f]{64}");
      assertThat(issue.get("severity").asText())
          .isIn("info", "minor", "major", "critical", "blocker");
      assertThat(issue.at("/location/path").asText()).isNotBlank();
      assertThat(issue.at("/location/lines/begin").isInt()).isTrue();
      fingerprints.add(issue.get("fingerprint").asText());
    }
    assertThat(fingerprints).hasSize(3);
    assertThat(report.get(0).get("severity").asText()).isEqualTo("critical");
    assertThat(report.get(1).get("severity").asText()).isEqualTo("minor");
    assertThat(report.get(2).get("severity").asText()).isEqualTo("info");
    assertThat(report.get(0).at("/location/lines/begin").asInt()).isEqualTo(31);
  }
}
