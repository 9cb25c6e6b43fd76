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

/**
 * A finding keeps its fingerprint when the file changes around it: a container inserted above moves
 * it to another line and another list index, but not to another identity.
 */
class FingerprintsTest {
  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "shop", "web");

  private static Finding finding(String path, String identity, int line) {
    return new Finding(
        "cpu-request-missing",
        Severity.WARNING,
        "container \"app\" requests no CPU",
        WEB,
        path,
        new Location("app.yaml", line, 9, null, null),
        "",
        List.of(),
        identity);
  }

  /** Before: app is the only container. */
  private static final Finding BEFORE =
      finding(
          "spec.template.spec.containers[0].resources",
          "spec.template.spec.containers[name=app].resources",
          20);

  /** After a sidecar was inserted above it: another index and line, the same identity. */
  private static final Finding AFTER =
      finding(
          "spec.template.spec.containers[1].resources",
          "spec.template.spec.containers[name=app].resources",
          24);

  /** The sidecar's own finding: the same index app had before, another identity. */
  private static final Finding SIDECAR =
      finding(
          "spec.template.spec.containers[0].resources",
          "spec.template.spec.containers[name=sidecar].resources",
          20);

  @Test
  void theIdentityPathNotTheIndexedPathMakesTheFingerprint() {
    assertThat(Fingerprints.of(List.of(BEFORE))).isEqualTo(Fingerprints.of(List.of(AFTER)));
    assertThat(Fingerprints.of(List.of(SIDECAR))).isNotEqualTo(Fingerprints.of(List.of(BEFORE)));
    assertThat(Fingerprints.key(AFTER))
        .contains("containers[name=app]")
        .doesNotContain("containers[1]");
  }

  @Test
  void everyPartOfTheIdentityCounts() {
    String base = Fingerprints.of(List.of(BEFORE)).get(0);
    Finding otherRule =
        new Finding(
            "memory-request-missing",
            BEFORE.severity(),
            BEFORE.message(),
            WEB,
            BEFORE.path(),
            BEFORE.location(),
            "",
            List.of(),
            BEFORE.identityPath());
    Finding otherObject =
        new Finding(
            BEFORE.ruleId(),
            BEFORE.severity(),
            BEFORE.message(),
            new ResourceRef("apps/v1", "Deployment", "shop", "api"),
            BEFORE.path(),
            BEFORE.location(),
            "",
            List.of(),
            BEFORE.identityPath());
    Finding otherFile = BEFORE.withLocation(new Location("other.yaml", 20, 9, null, null));
    Finding otherMessage =
        new Finding(
            BEFORE.ruleId(),
            Severity.ERROR,
            "reworded",
            WEB,
            BEFORE.path(),
            new Location("app.yaml", 99, 1, null, null),
            "",
            List.of(),
            BEFORE.identityPath());
    assertThat(Fingerprints.of(List.of(otherRule)).get(0)).isNotEqualTo(base);
    assertThat(Fingerprints.of(List.of(otherObject)).get(0)).isNotEqualTo(base);
    assertThat(Fingerprints.of(List.of(otherFile)).get(0)).isNotEqualTo(base);
    // message, severity, line and column are not part of it
    assertThat(Fingerprints.of(List.of(otherMessage)).get(0)).isEqualTo(base);
  }

  @Test
  void findingsOfOneIdentityStillDifferAndTheFirstKeepsItsFingerprint() {
    Finding doc = finding("", "", 3);
    List<String> one = Fingerprints.of(List.of(doc));
    List<String> three = Fingerprints.of(List.of(doc, finding("", "", 7), finding("", "", 9)));
    assertThat(three).doesNotHaveDuplicates().hasSize(3);
    assertThat(three.get(0)).isEqualTo(one.get(0)).matches("[0-9a-f]{64}");
  }

  private static LintResult resultOf(Finding f) {
    return new LintResult(
        List.of(f), List.of(), List.of(), List.of(), List.of(), 1, 1, FailOn.ERROR);
  }

  private static JsonNode report(String format, Finding f) throws IOException {
    StringBuilder out = new StringBuilder();
    Reporters.require(format, "").write(resultOf(f), SampleResult.context(false), out);
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void sarifAndGitlabFingerprintsSurviveAContainerInsertedAbove() throws IOException {
    String sarifBefore =
        report("sarif", BEFORE).at("/runs/0/results/0/partialFingerprints").toString();
    String sarifAfter =
        report("sarif", AFTER).at("/runs/0/results/0/partialFingerprints").toString();
    String sarifSidecar =
        report("sarif", SIDECAR).at("/runs/0/results/0/partialFingerprints").toString();
    assertThat(sarifBefore).contains("chartlint/v1").isEqualTo(sarifAfter);
    assertThat(sarifSidecar).isNotEqualTo(sarifBefore);

    String gitlabBefore = report("gitlab", BEFORE).at("/0/fingerprint").asText();
    String gitlabAfter = report("gitlab", AFTER).at("/0/fingerprint").asText();
    String gitlabSidecar = report("gitlab", SIDECAR).at("/0/fingerprint").asText();
    assertThat(gitlabBefore).matches("[0-9a-f]{64}").isEqualTo(gitlabAfter);
    assertThat(gitlabSidecar).isNotEqualTo(gitlabBefore);
  }
}
